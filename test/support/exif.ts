// A JPEG that carries the GPS position of the phone that took it, as a phone's camera writes it:
// an APP1 "Exif" segment whose IFD0 points to a GPS IFD (latitude 21° 1′ 30″ N). Crafted here,
// byte by byte, so the test owns its fixture; `gpsOf` reads it back (and finds nothing once the
// photo has been re-encoded).

/** TIFF (little-endian) with IFD0 → GPSInfo → GPSLatitudeRef "N", GPSLatitude 21/1, 1/1, 30/1. */
function exifTiff(): Uint8Array {
  const bytes = new Uint8Array(80);
  const view = new DataView(bytes.buffer);
  bytes.set([0x49, 0x49, 0x2a, 0x00]); // "II", 42
  view.setUint32(4, 8, true); // IFD0 at 8
  view.setUint16(8, 1, true); // one entry
  view.setUint16(10, 0x8825, true); // GPSInfo
  view.setUint16(12, 4, true); // LONG
  view.setUint32(14, 1, true);
  view.setUint32(18, 26, true); // GPS IFD at 26
  view.setUint32(22, 0, true); // no next IFD
  view.setUint16(26, 2, true); // two entries
  view.setUint16(28, 0x0001, true); // GPSLatitudeRef
  view.setUint16(30, 2, true); // ASCII
  view.setUint32(32, 2, true);
  bytes.set([0x4e, 0x00], 36); // "N\0"
  view.setUint16(40, 0x0002, true); // GPSLatitude
  view.setUint16(42, 5, true); // RATIONAL
  view.setUint32(44, 3, true);
  view.setUint32(48, 56, true); // values at 56
  view.setUint32(52, 0, true); // no next IFD
  [21, 1, 1, 1, 30, 1].forEach((value, index) => view.setUint32(56 + index * 4, value, true));
  return bytes;
}

/** The JPEG with an APP1 Exif segment (GPS) inserted right after its SOI marker. */
export function withGpsExif(jpeg: Uint8Array): Uint8Array<ArrayBuffer> {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  const tiff = exifTiff();
  const payload = new Uint8Array([0x45, 0x78, 0x69, 0x66, 0x00, 0x00, ...tiff]); // "Exif\0\0"
  const length = payload.length + 2;
  const segment = new Uint8Array([0xff, 0xe1, length >> 8, length & 0xff, ...payload]);
  const out = new Uint8Array(jpeg.length + segment.length);
  out.set(jpeg.subarray(0, 2));
  out.set(segment, 2);
  out.set(jpeg.subarray(2), 2 + segment.length);
  return out;
}

/** The GPS latitude of a JPEG's Exif segment as [deg, min, sec] and its ref, or null without one. */
export function gpsOf(jpeg: Uint8Array): { ref: string; latitude: number[] } | null {
  let offset = 2;
  while (offset + 4 <= jpeg.length && jpeg[offset] === 0xff) {
    const marker = jpeg[offset + 1]!;
    if (marker === 0xda || marker === 0xd9) break; // start of scan: no more metadata
    const length = (jpeg[offset + 2]! << 8) | jpeg[offset + 3]!;
    const start = offset + 4;
    const isExif = marker === 0xe1 && String.fromCharCode(...jpeg.subarray(start, start + 4)) === 'Exif';
    if (isExif) return readGps(jpeg.subarray(start + 6, offset + 2 + length));
    offset += 2 + length;
  }
  return null;
}

function readGps(tiff: Uint8Array): { ref: string; latitude: number[] } | null {
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const little = tiff[0] === 0x49;
  const u16 = (at: number) => view.getUint16(at, little);
  const u32 = (at: number) => view.getUint32(at, little);
  const entries = (ifd: number) => Array.from({ length: u16(ifd) }, (_, index) => ifd + 2 + index * 12);
  const gpsEntry = entries(u32(4)).find((entry) => u16(entry) === 0x8825);
  if (gpsEntry === undefined) return null;
  let ref = '';
  let latitude: number[] = [];
  for (const entry of entries(u32(gpsEntry + 8))) {
    if (u16(entry) === 0x0001) ref = String.fromCharCode(tiff[entry + 8]!);
    if (u16(entry) === 0x0002) {
      const at = u32(entry + 8);
      latitude = [0, 1, 2].map((index) => u32(at + index * 8) / u32(at + index * 8 + 4));
    }
  }
  return { ref, latitude };
}
