import { crc32, deflateRawSync } from 'node:zlib';
import type { HttpResult } from './http.js';

/** A document as the api answers it. */
export interface StoredDocument {
  readonly id: string;
  readonly caseId: string;
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: string;
  readonly fileName: string;
}

/**
 * A ZIP of the entries, stored uncompressed (enough for OOXML and OFD packages to be recognised by their entries)
 * except those named in `deflated`; `understated`, their headers declare each of those 1 KiB unpacked whatever its
 * real size, as a forged file would.
 */
export function zipOf(
  entries: Readonly<Record<string, string | Buffer>>,
  { deflated: deflatedNames = [], understated = false }: { readonly deflated?: readonly string[]; readonly understated?: boolean } = {},
): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.from(content);
    const deflated = deflatedNames.includes(name);
    const packed = deflated ? deflateRawSync(data) : data;
    const unpackedSize = deflated && understated ? 1024 : data.length;
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(deflated ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(unpackedSize, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(deflated ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(unpackedSize, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The `[Content_Types].xml` of an OOXML package whose main part is `main` (xl/workbook.xml, word/document.xml). */
export const contentTypes = (main: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/${main}" ContentType="application/vnd.openxmlformats-officedocument.${main.startsWith('word') ? 'wordprocessingml.document' : 'spreadsheetml.sheet'}.main+xml"/></Types>`;

/** One small file of every type the api accepts by default, each named as a unit would name it. */
export const ACCEPTED_SAMPLES: readonly { readonly fileName: string; readonly mediaType: string; readonly bytes: Buffer }[] = [
  { fileName: '清廉医院创建方案.pdf', mediaType: 'application/pdf', bytes: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') },
  {
    fileName: '廉政文化墙.jpg',
    mediaType: 'image/jpeg',
    bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]),
  },
  {
    fileName: '宣传栏.png',
    mediaType: 'image/png',
    bytes: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR'), Buffer.alloc(17)]),
  },
  {
    fileName: '会议照片.webp',
    mediaType: 'image/webp',
    bytes: Buffer.concat([Buffer.from('RIFF'), Buffer.from([26, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(18)]),
  },
  {
    fileName: '进度报告.docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    bytes: zipOf({ '[Content_Types].xml': contentTypes('word/document.xml'), 'word/document.xml': '<w:document/>' }),
  },
  {
    fileName: '台账.xlsx',
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    bytes: zipOf({ '[Content_Types].xml': contentTypes('xl/workbook.xml'), 'xl/workbook.xml': '<workbook/>' }),
  },
  {
    fileName: '金华认定通知.ofd',
    mediaType: 'application/ofd',
    bytes: zipOf({ 'OFD.xml': '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>', 'Doc_0/Document.xml': '<ofd:Document/>' }),
  },
  { fileName: '整改说明.txt', mediaType: 'text/plain', bytes: Buffer.from('一、整改情况：已建立廉政风险防控台账。\n') },
];

/** Uploads `bytes` as the multipart field `file`, the way a browser's FormData does. */
export async function uploadDocument(
  baseUrl: string,
  caseId: string,
  file: { readonly fileName: string; readonly bytes: Buffer; readonly claimedType?: string },
  headers: Readonly<Record<string, string>>,
): Promise<HttpResult<StoredDocument & { code?: string; foundType?: string }>> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.claimedType ?? 'application/octet-stream' }), file.fileName);
  const response = await fetch(`${baseUrl}/cases/${caseId}/documents`, { method: 'POST', headers, body: form });
  return { status: response.status, body: (await response.json()) as StoredDocument & { code?: string; foundType?: string }, headers: response.headers };
}
