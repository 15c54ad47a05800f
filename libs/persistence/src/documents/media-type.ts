import { open } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';

/** How much of a file is read to decide whether it is text. */
const TEXT_SAMPLE_BYTES = 65_536;
/** The end of a ZIP holds its directory: the end record is in the last 22 bytes plus a comment of up to 64 KiB. */
const ZIP_TAIL_BYTES = 65_557;

/**
 * What a file is, decided by its content (magic numbers, and for ZIP packages their entries), never by its name or
 * the type the browser claimed: a PDF named .jpg is a PDF. OFD (GB/T 33190 版式文件) is a ZIP with an `OFD.xml` at
 * its root; text is UTF-8 or GB 18030 without NUL bytes. Null when nothing is recognised.
 */
export async function mediaTypeOf(path: string): Promise<string | null> {
  const found = await fileTypeFromFile(path);
  if (found) return found.mime === 'application/zip' && (await zipHasEntry(path, 'OFD.xml')) ? 'application/ofd' : found.mime;
  return (await looksLikeText(path)) ? 'text/plain' : null;
}

async function readRange(path: string, from: 'start' | 'end', length: number): Promise<Buffer> {
  const file = await open(path);
  try {
    const size = (await file.stat()).size;
    const count = Math.min(length, size);
    const buffer = Buffer.alloc(count);
    await file.read(buffer, 0, count, from === 'start' ? 0 : size - count);
    return buffer;
  } finally {
    await file.close();
  }
}

async function looksLikeText(path: string): Promise<boolean> {
  const sample = await readRange(path, 'start', TEXT_SAMPLE_BYTES);
  if (sample.length === 0 || sample.includes(0)) return false;
  // `stream: true` lets the sample end in the middle of a character.
  return ['utf-8', 'gb18030'].some((encoding) => {
    try {
      new TextDecoder(encoding, { fatal: true }).decode(sample, { stream: true });
      return true;
    } catch {
      return false;
    }
  });
}

/** Whether the ZIP's central directory names `entry` (read from the file's end, as unzip does). */
async function zipHasEntry(path: string, entry: string): Promise<boolean> {
  const tail = await readRange(path, 'end', ZIP_TAIL_BYTES);
  const end = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > tail.length) return false;
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryStart = end - directorySize;
  if (directoryStart < 0) return false;
  for (let at = directoryStart; at + 46 <= end;) {
    if (tail.readUInt32LE(at) !== 0x02014b50) return false;
    const nameLength = tail.readUInt16LE(at + 28);
    const name = tail.toString('utf8', at + 46, at + 46 + nameLength);
    if (name === entry) return true;
    at += 46 + nameLength + tail.readUInt16LE(at + 30) + tail.readUInt16LE(at + 32);
  }
  return false;
}
