// Pages in a PDF, whoever wrote it: Chromium (Skia) writes its page objects as plain text, Firefox
// (cairo) packs them into compressed object streams, so the streams are inflated and read too.
import { inflateSync } from 'node:zlib';

export function pdfPageCount(pdf: Buffer): number {
  const text = pdf.toString('latin1');
  const parts = [text];
  const stream = /(?<!end)stream\r?\n/g;
  for (let match = stream.exec(text); match; match = stream.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    try {
      parts.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // not a deflated stream (or an image): nothing to read in it
    }
    stream.lastIndex = end + 'endstream'.length;
  }
  return parts.reduce((count, part) => count + (part.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length, 0);
}
