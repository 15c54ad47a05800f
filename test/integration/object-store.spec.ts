import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, NotFound, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { startSeaweedFs, type SeaweedFs } from '../support/seaweedfs.js';

const MiB = 1024 * 1024;

/** A deterministic pseudo-random stream of `size` bytes, produced chunk by chunk, and its SHA-256 once read to the end. */
function generatedBody(size: number, chunkSize = 256 * 1024): { stream: Readable; sha256: () => string } {
  const hash = createHash('sha256');
  let produced = 0;
  let counter = 0;
  const stream = new Readable({
    read() {
      if (produced >= size) {
        this.push(null);
        return;
      }
      const length = Math.min(chunkSize, size - produced);
      const chunk = Buffer.alloc(length);
      for (let offset = 0; offset < length; offset += 32) {
        createHash('sha256').update(`block ${counter++}`).digest().copy(chunk, offset);
      }
      hash.update(chunk);
      produced += length;
      this.push(chunk);
    },
  });
  return { stream, sha256: () => hash.digest('hex') };
}

async function sha256Of(body: AsyncIterable<Uint8Array>): Promise<{ sha256: string; length: number }> {
  const hash = createHash('sha256');
  let length = 0;
  for await (const chunk of body) {
    hash.update(chunk);
    length += chunk.length;
  }
  return { sha256: hash.digest('hex'), length };
}

async function s3Error(promise: Promise<unknown>): Promise<S3ServiceException> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof S3ServiceException) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('object store: a real SeaweedFS through the official AWS SDK', () => {
  let store: SeaweedFs;
  let s3: S3Client;

  beforeAll(async () => {
    store = await startSeaweedFs();
    s3 = new S3Client({
      endpoint: store.endpoint,
      region: store.region,
      forcePathStyle: true,
      credentials: { accessKeyId: store.accessKeyId, secretAccessKey: store.secretAccessKey },
    });
  });

  afterAll(async () => {
    s3.destroy();
    await store.stop();
  });

  it('streams a multi-part upload in, describes it, streams it back intact, and deletes it', async () => {
    const key = 'cases/c-2019/u-1/整改报告.pdf';
    const size = 7 * MiB + 12_345;
    const body = generatedBody(size);

    // Two parts (5 MiB and the rest): lib-storage switches to a multipart upload above partSize.
    const upload = new Upload({
      client: s3,
      params: { Bucket: store.bucket, Key: key, Body: body.stream, ContentType: 'application/pdf', Metadata: { 'case-id': 'c-2019' } },
      partSize: 5 * MiB,
      queueSize: 2,
    });
    await upload.done();
    const uploadedSha256 = body.sha256();

    const head = await s3.send(new HeadObjectCommand({ Bucket: store.bucket, Key: key }));
    expect(head.ContentLength).toBe(size);
    expect(head.ContentType).toBe('application/pdf');
    expect(head.Metadata).toEqual({ 'case-id': 'c-2019' });

    const listed = await s3.send(new ListObjectsV2Command({ Bucket: store.bucket, Prefix: 'cases/c-2019/' }));
    expect(listed.Contents?.map((object) => [object.Key, object.Size])).toEqual([[key, size]]);

    const got = await s3.send(new GetObjectCommand({ Bucket: store.bucket, Key: key }));
    if (!(got.Body instanceof Readable)) throw new Error('expected a Node stream body');
    expect(await sha256Of(got.Body)).toEqual({ sha256: uploadedSha256, length: size });

    await s3.send(new DeleteObjectCommand({ Bucket: store.bucket, Key: key }));
    const afterDelete = await s3Error(s3.send(new HeadObjectCommand({ Bucket: store.bucket, Key: key })));
    expect(afterDelete).toBeInstanceOf(NotFound);
  });

  it('refuses anonymous requests and requests signed with the wrong secret', async () => {
    const key = 'refused/anonymous.txt';
    const url = `${store.endpoint}/${store.bucket}/${encodeURIComponent(key)}`;

    const anonymousPut = await fetch(url, { method: 'PUT', body: 'written without credentials' });
    expect(anonymousPut.status).toBe(403);
    expect(await anonymousPut.text()).toContain('<Code>AccessDenied</Code>');

    const anonymousList = await fetch(`${store.endpoint}/${store.bucket}`);
    expect(anonymousList.status).toBe(403);
    await anonymousList.body?.cancel();

    const forger = new S3Client({
      endpoint: store.endpoint,
      region: store.region,
      forcePathStyle: true,
      credentials: { accessKeyId: store.accessKeyId, secretAccessKey: `${store.secretAccessKey}x` },
      maxAttempts: 1,
    });
    try {
      const forged = await s3Error(forger.send(new HeadObjectCommand({ Bucket: store.bucket, Key: key })));
      expect(forged.$metadata.httpStatusCode).toBe(403);
    } finally {
      forger.destroy();
    }

    // Nothing was written by the refused requests.
    expect(await s3Error(s3.send(new HeadObjectCommand({ Bucket: store.bucket, Key: key })))).toBeInstanceOf(NotFound);
  });
});
