/** The type that a file's first bytes show, whatever its name says (from its base64). */
export function sniffType(base64: string): string | undefined {
  try {
    return sniffHead(atob(base64.slice(0, 16)));
  } catch {
    return undefined;
  }
}

/** The same from the bytes themselves (a file the citizen picked). */
export function sniffBytes(bytes: Uint8Array): string | undefined {
  return sniffHead(String.fromCharCode(...bytes.subarray(0, 12)));
}

/** `head`: the first bytes as a binary string. */
function sniffHead(head: string): string | undefined {
  const starts = (signature: string, at = 0) => head.startsWith(signature, at);
  if (starts('\xFF\xD8\xFF')) return 'image/jpeg';
  if (starts('\x89PNG\r\n\x1A\n')) return 'image/png';
  if (starts('GIF87a') || starts('GIF89a')) return 'image/gif';
  if (starts('RIFF') && starts('WEBP', 8)) return 'image/webp';
  if (starts('%PDF-')) return 'application/pdf';
  return undefined;
}
