import { randomUUID, createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { Request } from 'express';
import { BilingualError, invalidField } from '#domain';

/** An upload written to a scratch file while it arrived, with what was learnt on the way. */
export interface ReceivedUpload {
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
  /** As the browser named it (not trusted for anything but display). */
  readonly fileName: string;
}

const tooLarge = (maxBytes: number): BilingualError =>
  new BilingualError('too_large', 'DOCUMENT_TOO_LARGE', `文件超过 ${maxBytes} 字节的上限`, `The file is larger than the limit of ${maxBytes} bytes`, {
    details: { maxBytes },
  });
const incomplete = (): BilingualError =>
  new BilingualError('invalid', 'UPLOAD_INCOMPLETE', '上传未完成（连接中断或内容不完整）', 'The upload did not arrive whole (cut off or malformed)');

/**
 * Streams the one `file` part of a multipart/form-data request to a scratch file in `directory`, hashing and
 * counting it on the way: never the whole file in memory. Refuses a missing part, a second file, a file over
 * `maxBytes` and an upload cut off midway; whatever was written is removed before it refuses.
 */
export async function receiveUpload(request: Request, options: { directory: string; maxBytes: number }): Promise<ReceivedUpload> {
  if (!/^multipart\/form-data\b/i.test(request.headers['content-type'] ?? '')) {
    throw new BilingualError(
      'unsupported',
      'MULTIPART_REQUIRED',
      '请以 multipart/form-data 上传，文件放在 file 字段',
      'Send the file as multipart/form-data, in the field "file"',
    );
  }
  await mkdir(options.directory, { recursive: true });
  const path = join(options.directory, `${randomUUID()}.upload`);
  // Set by the parser's callbacks: the file part being written, and its outcome.
  const part: { stream?: Readable; received?: Promise<ReceivedUpload> } = {};
  try {
    return await new Promise<ReceivedUpload>((resolve, reject) => {
      let parser: busboy.Busboy;
      try {
        parser = busboy({ headers: request.headers, defParamCharset: 'utf8', limits: { files: 1, fileSize: options.maxBytes, fields: 10, fieldSize: 1024 } });
      } catch {
        reject(invalidField('content-type', '缺少 multipart 分隔符 (boundary)', 'the multipart boundary is missing'));
        return;
      }
      let failure: Error | undefined;
      const fail = (error: Error): void => {
        failure ??= error;
        request.unpipe(parser);
        request.resume();
        // Ends the scratch file's writing at once, so it can be removed.
        part.stream?.destroy(failure);
        reject(failure);
      };
      parser.on('file', (field: string, stream: Readable, info: busboy.FileInfo) => {
        if (field !== 'file') {
          stream.resume();
          fail(invalidField(field, '文件须放在 file 字段', 'the file must be sent in the field "file"'));
          return;
        }
        part.stream = stream;
        const limit = { reached: false };
        stream.on('limit', () => {
          limit.reached = true;
        });
        const received = (async () => {
          const hash = createHash('sha256');
          let size = 0;
          const measure = new Transform({
            transform(chunk: Buffer, _encoding, done) {
              hash.update(chunk);
              size += chunk.length;
              done(null, chunk);
            },
          });
          await pipeline(stream, measure, createWriteStream(path));
          if (limit.reached) throw tooLarge(options.maxBytes);
          return { path, sha256: hash.digest('hex'), size, fileName: info.filename ?? '' };
        })();
        part.received = received;
        received.catch(fail);
      });
      parser.on('filesLimit', () => {
        fail(invalidField('file', '一次只能上传一个文件', 'one file per upload'));
      });
      parser.on('error', () => {
        fail(incomplete());
      });
      parser.on('close', () => {
        if (failure) return;
        if (!part.received) {
          fail(invalidField('file', '缺少文件（multipart 的 file 字段）', 'no file: send it in the multipart field "file"'));
          return;
        }
        void part.received.then(resolve, fail);
      });
      request.on('aborted', () => {
        fail(incomplete());
      });
      request.pipe(parser);
    });
  } catch (error) {
    await part.received?.catch(() => undefined);
    await rm(path, { force: true });
    throw error;
  }
}
