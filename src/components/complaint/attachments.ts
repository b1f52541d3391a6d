import { LIMITS } from '../../core/limits.js';
import type { Attachment } from '../../core/record.js';
import { sniffBytes } from '../../core/sniff.js';

export type AttachmentProblem = 'type' | 'size' | 'unreadable';

/** Longest side of a photo after downscaling: plenty to see a queue or a broken chair. */
const MAX_SIDE = 1600;
const JPEG_QUALITIES = [0.85, 0.7, 0.55];

/**
 * Turns a file the citizen picked into an attachment, or says why not. The type comes from the
 * file's first bytes, never its name (an .exe renamed .png is refused). Photos are always
 * re-encoded as JPEG at most 1600 px wide: smaller on a bad connection, and the re-encoding
 * drops EXIF metadata such as the GPS position of the phone.
 */
export async function prepareAttachment(file: File): Promise<Attachment | { problem: AttachmentProblem }> {
  let head: Uint8Array;
  try {
    head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  } catch {
    return { problem: 'unreadable' };
  }
  const type = sniffBytes(head);
  if (!type) return { problem: 'type' };
  if (type === 'application/pdf') {
    if (file.size > LIMITS.attachmentBytes) return { problem: 'size' };
    return { name: file.name, type, size: file.size, data: await base64Of(file) };
  }
  const jpeg = await downscale(file);
  if (!jpeg) return { problem: 'unreadable' };
  if (jpeg.size > LIMITS.attachmentBytes) return { problem: 'size' };
  return { name: renameToJpeg(file.name), type: 'image/jpeg', size: jpeg.size, data: await base64Of(jpeg) };
}

async function downscale(file: Blob): Promise<Blob | undefined> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return undefined;
  }
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  const context = canvas.getContext('2d');
  if (!context) return undefined;
  // JPEG has no transparency: paint transparent PNG areas white, not black.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  let blob: Blob | null = null;
  for (const quality of JPEG_QUALITIES) {
    blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/jpeg', quality));
    if (blob && blob.size <= LIMITS.attachmentBytes) break;
  }
  return blob ?? undefined;
}

function renameToJpeg(name: string): string {
  const base = name.replace(/\.[^.]*$/, '') || 'photo';
  return `${base}.jpg`.slice(-200);
}

/** Base64 without the `data:` prefix, by the browser's own encoder (fast on big files). */
function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}
