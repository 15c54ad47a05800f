import { createReadStream } from 'node:fs';
import { access, copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand, NoSuchKey, NotFound, S3Client, DeleteObjectCommand } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { DocumentStoreConfig } from '#config';

const SHA256 = /^[0-9a-f]{64}$/;

/** The bytes of a document are gone from the store (deleted or never written). */
export class BlobMissing extends Error {
  override readonly name = 'BlobMissing';

  constructor(readonly sha256: string) {
    super(`文件内容缺失 / the stored bytes are missing: ${sha256}`);
  }
}

/**
 * Where documents' bytes live, addressed by their SHA-256: the same bytes are kept once, whoever uploads them.
 * The one interface over a folder (the embedded default) and an S3-compatible object store (production).
 */
export interface BlobStore {
  /** Keeps the finished file at `path` under its hash; nothing is written when those bytes are already kept. */
  keep(sha256: string, path: string): Promise<void>;
  has(sha256: string): Promise<boolean>;
  /** The bytes as a stream; BlobMissing when they are gone. */
  open(sha256: string): Promise<Readable>;
  remove(sha256: string): Promise<void>;
  /** A folder on this machine where uploads are written while they arrive (on the store's own disk for a folder store). */
  readonly incomingDirectory: string;
}

/** The Nest token of the BlobStore (an interface has no runtime name). */
export const BLOB_STORE = Symbol('BlobStore');

export function blobStoreFor(config: DocumentStoreConfig, scratchDirectory: string): BlobStore {
  return config.kind === 'filesystem' ? new FolderBlobStore(config.directory) : new S3BlobStore(config, scratchDirectory);
}

function checked(sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
  return sha256;
}

/** Files under `<directory>/<aa>/<bb>/<sha256>`, so no folder holds more than a few thousand. */
export class FolderBlobStore implements BlobStore {
  readonly incomingDirectory: string;

  constructor(private readonly directory: string) {
    this.incomingDirectory = join(directory, '.incoming');
  }

  private pathOf(sha256: string): string {
    const hash = checked(sha256);
    return join(this.directory, hash.slice(0, 2), hash.slice(2, 4), hash);
  }

  async keep(sha256: string, path: string): Promise<void> {
    const target = this.pathOf(sha256);
    if (await this.has(sha256)) return;
    await mkdir(dirname(target), { recursive: true });
    // The incoming folder is on the same disk: a rename is atomic, so a reader never sees half a file.
    await rename(path, target).catch(async (error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      await copyFile(path, `${target}.partial`);
      await rename(`${target}.partial`, target);
    });
  }

  async has(sha256: string): Promise<boolean> {
    return access(this.pathOf(sha256)).then(
      () => true,
      () => false,
    );
  }

  async open(sha256: string): Promise<Readable> {
    const path = this.pathOf(sha256);
    if (!(await this.has(sha256))) throw new BlobMissing(sha256);
    return createReadStream(path);
  }

  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }
}

/** Objects `sha256/<hash>` in one bucket of an S3-compatible store, written with the official AWS SDK. */
export class S3BlobStore implements BlobStore {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(
    config: Extract<DocumentStoreConfig, { kind: 's3' }>,
    readonly incomingDirectory: string,
  ) {
    this.bucket = config.bucket;
    this.client = new S3Client({
      region: config.region,
      ...(config.endpoint === undefined ? {} : { endpoint: config.endpoint, forcePathStyle: true }),
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    });
  }

  private keyOf(sha256: string): string {
    return `sha256/${checked(sha256)}`;
  }

  async keep(sha256: string, path: string): Promise<void> {
    if (await this.has(sha256)) return;
    await new Upload({ client: this.client, params: { Bucket: this.bucket, Key: this.keyOf(sha256), Body: createReadStream(path) } }).done();
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }));
      return true;
    } catch (error) {
      if (error instanceof NotFound || error instanceof NoSuchKey) return false;
      throw error;
    }
  }

  async open(sha256: string): Promise<Readable> {
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }));
      return answer.Body as Readable;
    } catch (error) {
      if (error instanceof NoSuchKey || error instanceof NotFound) throw new BlobMissing(sha256);
      throw error;
    }
  }

  async remove(sha256: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }));
  }
}
