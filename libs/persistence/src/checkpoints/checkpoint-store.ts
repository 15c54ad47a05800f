import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BucketAlreadyOwnedByYou,
  CreateBucketCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectVersionsCommand,
  NoSuchKey,
  NotFound,
  paginateListObjectsV2,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { AuditCheckpointBucketConfig } from '#config';

const DAY_MS = 86_400_000;
const FILE_NAME = /^checkpoint-(\d{10})\.json$/;
const KEY_FILE = /^[0-9a-f]{64}\.pem$/;

/** `checkpoint-0000000042.json`: numbered so that names sort in order. */
export function checkpointFileName(number: number): string {
  return `checkpoint-${String(number).padStart(10, '0')}.json`;
}

function numberOf(name: string): number | null {
  const match = FILE_NAME.exec(name);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/**
 * A place checkpoints are kept that the app's database login cannot rewrite. A checkpoint, once there, is never
 * replaced: `create` answers 'taken' when its number already holds other bytes.
 */
export interface CheckpointStore {
  /** Where it is, for reports: `folder /var/…` or `s3://bucket`. */
  readonly name: string;
  /** The checkpoint numbers kept, in order. */
  numbers(): Promise<number[]>;
  /** The file's bytes, or null when that number is not kept. */
  read(number: number): Promise<Buffer | null>;
  create(number: number, bytes: Buffer): Promise<'written' | 'taken'>;
  /** Publishes a signing key's public key: `keys/<keyId>.pem` once, and `public-key.pem` as the current one. */
  publishKey(keyId: string, pem: string): Promise<void>;
  /** Every public key published under `keys/` (PEM). */
  publishedKeys(): Promise<string[]>;
  /** `public-key.pem`, or null before the first checkpoint. */
  currentPublicKey(): Promise<string | null>;
  /** Checkpoints the store shows were written over or hidden since (a versioned bucket keeps every version). */
  alterations(): Promise<{ readonly number: number; readonly detail: string }[]>;
}

/** Files in a folder: each written under a temporary name, synced, then hard-linked to its own (which fails if it exists). */
export class FolderCheckpointStore implements CheckpointStore {
  readonly name: string;

  constructor(private readonly directory: string) {
    this.name = `folder ${directory}`;
  }

  async numbers(): Promise<number[]> {
    const names = await readdir(this.directory).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    });
    return names
      .map(numberOf)
      .filter((number): number is number => number !== null)
      .sort((a, b) => a - b);
  }

  read(number: number): Promise<Buffer | null> {
    return readIfPresent(join(this.directory, checkpointFileName(number)));
  }

  async create(number: number, bytes: Buffer): Promise<'written' | 'taken'> {
    return (await this.createOnce(join(this.directory, checkpointFileName(number)), bytes)) ? 'written' : 'taken';
  }

  async publishKey(keyId: string, pem: string): Promise<void> {
    await this.createOnce(join(this.directory, 'keys', `${keyId}.pem`), Buffer.from(pem));
    const current = join(this.directory, 'public-key.pem');
    if ((await readIfPresent(current))?.toString() === pem) return;
    const temporary = await this.writeTemporary(this.directory, Buffer.from(pem));
    await rename(temporary, current);
  }

  async publishedKeys(): Promise<string[]> {
    const folder = join(this.directory, 'keys');
    const names = await readdir(folder).catch(() => []);
    return Promise.all(names.filter((name) => KEY_FILE.test(name)).map((name) => readFile(join(folder, name), 'utf8')));
  }

  async currentPublicKey(): Promise<string | null> {
    return (await readIfPresent(join(this.directory, 'public-key.pem')))?.toString('utf8') ?? null;
  }

  /** A folder keeps no history: what was changed in it shows against the bucket, or as a checkpoint that no longer holds. */
  alterations(): Promise<{ readonly number: number; readonly detail: string }[]> {
    return Promise.resolve([]);
  }

  /** True when written; false when the name already holds other bytes (the same bytes again count as written). */
  private async createOnce(path: string, bytes: Buffer): Promise<boolean> {
    const folder = join(path, '..');
    const temporary = await this.writeTemporary(folder, bytes);
    try {
      await link(temporary, path);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      return (await readFile(path)).equals(bytes);
    } finally {
      await rm(temporary, { force: true });
    }
  }

  private async writeTemporary(folder: string, bytes: Buffer): Promise<string> {
    await mkdir(folder, { recursive: true });
    const temporary = join(folder, `.${randomBytes(8).toString('hex')}.partial`);
    // Read-only from the start: the store's files are not for changing.
    const file = await open(temporary, 'wx', 0o444);
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    return temporary;
  }
}

async function readIfPresent(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The versions a bucket keeps of one checkpoint object, oldest first, and whether a delete marker hides it. */
interface ObjectHistory {
  readonly versions: { readonly id: string | undefined; readonly at: number }[];
  hidden: boolean;
}

/**
 * Objects in a bucket of their own, written with `If-None-Match: *` (the store refuses to replace one) and, when
 * retention is configured, object-lock retention in COMPLIANCE mode. The bucket is created with object lock enabled
 * (hence versioned) when it does not exist yet. A checkpoint is read in its first version: one written over later, or
 * hidden by a delete marker, is read as first written and reported.
 */
export class S3CheckpointStore implements CheckpointStore {
  readonly name: string;
  private readonly client: S3Client;
  private bucketReady: Promise<void> | undefined;
  /** From the last listing: each checkpoint's history. */
  private histories = new Map<number, ObjectHistory>();

  constructor(private readonly config: AuditCheckpointBucketConfig) {
    this.name = `s3://${config.bucket}`;
    this.client = new S3Client({
      region: config.region,
      ...(config.endpoint === undefined ? {} : { endpoint: config.endpoint, forcePathStyle: true }),
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    });
  }

  async numbers(): Promise<number[]> {
    this.histories = await this.listHistories();
    return [...this.histories]
      .filter(([, history]) => history.versions.length > 0)
      .map(([number]) => number)
      .sort((a, b) => a - b);
  }

  read(number: number): Promise<Buffer | null> {
    const first = this.histories.get(number)?.versions[0];
    return this.get(checkpointFileName(number), first?.id);
  }

  async alterations(): Promise<{ readonly number: number; readonly detail: string }[]> {
    const histories = await this.listHistories();
    return [...histories]
      .filter(([, history]) => history.versions.length > 1 || history.hidden)
      .map(([number, history]) => ({
        number,
        detail: history.hidden ? 'hidden by a delete marker; its first version is read' : `${history.versions.length} versions; its first is read`,
      }));
  }

  private async listHistories(): Promise<Map<number, ObjectHistory>> {
    const histories = new Map<number, ObjectHistory>();
    const historyOf = (key: string | undefined): ObjectHistory | undefined => {
      const number = numberOf(key ?? '');
      if (number === null) return undefined;
      let history = histories.get(number);
      if (!history) histories.set(number, (history = { versions: [], hidden: false }));
      return history;
    };
    let markers: { KeyMarker?: string; VersionIdMarker?: string } = {};
    try {
      for (;;) {
        const page = await this.client.send(new ListObjectVersionsCommand({ Bucket: this.config.bucket, Prefix: 'checkpoint-', ...markers }));
        for (const version of page.Versions ?? []) {
          historyOf(version.Key)?.versions.push({ id: version.VersionId === 'null' ? undefined : version.VersionId, at: version.LastModified?.getTime() ?? 0 });
        }
        for (const marker of page.DeleteMarkers ?? []) {
          const history = historyOf(marker.Key);
          if (history && marker.IsLatest) history.hidden = true;
        }
        if (!page.IsTruncated) break;
        markers = {
          ...(page.NextKeyMarker ? { KeyMarker: page.NextKeyMarker } : {}),
          ...(page.NextVersionIdMarker ? { VersionIdMarker: page.NextVersionIdMarker } : {}),
        };
      }
    } catch (error) {
      if (isStatus(error, 404)) return histories;
      throw error;
    }
    // Oldest first. A listing gives each key's versions newest first; reversed, that order holds where two versions share
    // a LastModified second (a checkpoint overwritten in the second it was written), and the sort keeps ties in it.
    for (const history of histories.values()) history.versions.reverse().sort((a, b) => a.at - b.at);
    return histories;
  }

  async create(number: number, bytes: Buffer): Promise<'written' | 'taken'> {
    return (await this.putOnce(checkpointFileName(number), bytes, 'application/json')) ? 'written' : 'taken';
  }

  async publishKey(keyId: string, pem: string): Promise<void> {
    await this.putOnce(`keys/${keyId}.pem`, Buffer.from(pem), 'application/x-pem-file');
    if ((await this.get('public-key.pem'))?.toString() === pem) return;
    await this.client.send(new PutObjectCommand({ Bucket: this.config.bucket, Key: 'public-key.pem', Body: pem, ContentType: 'application/x-pem-file' }));
  }

  async publishedKeys(): Promise<string[]> {
    const keys: string[] = [];
    try {
      for await (const page of paginateListObjectsV2({ client: this.client }, { Bucket: this.config.bucket, Prefix: 'keys/' })) {
        for (const object of page.Contents ?? []) if (KEY_FILE.test((object.Key ?? '').slice('keys/'.length))) keys.push(object.Key ?? '');
      }
    } catch (error) {
      if (isStatus(error, 404)) return [];
      throw error;
    }
    const pems = await Promise.all(keys.map((key) => this.get(key)));
    return pems.filter((pem): pem is Buffer => pem !== null).map((pem) => pem.toString('utf8'));
  }

  async currentPublicKey(): Promise<string | null> {
    return (await this.get('public-key.pem'))?.toString('utf8') ?? null;
  }

  private async get(key: string, versionId?: string): Promise<Buffer | null> {
    try {
      const answer = await this.client.send(
        new GetObjectCommand({ Bucket: this.config.bucket, Key: key, ...(versionId === undefined ? {} : { VersionId: versionId }) }),
      );
      return Buffer.from((await answer.Body?.transformToByteArray()) ?? []);
    } catch (error) {
      if (error instanceof NoSuchKey || error instanceof NotFound || isStatus(error, 404)) return null;
      throw error;
    }
  }

  /** True when written; false when the key already holds other bytes (the same bytes again, e.g. a retried write, count as written). */
  private async putOnce(key: string, bytes: Buffer, contentType: string): Promise<boolean> {
    await this.ensureBucket();
    const retention =
      this.config.retentionDays > 0
        ? { ObjectLockMode: 'COMPLIANCE' as const, ObjectLockRetainUntilDate: new Date(Date.now() + this.config.retentionDays * DAY_MS) }
        : {};
    try {
      await this.client.send(
        new PutObjectCommand({ Bucket: this.config.bucket, Key: key, Body: bytes, ContentType: contentType, IfNoneMatch: '*', ...retention }),
      );
      return true;
    } catch (error) {
      // 412: the key exists; 409: a concurrent conditional write to it is under way.
      if (!isStatus(error, 412) && !isStatus(error, 409)) throw error;
      return (await this.get(key))?.equals(bytes) ?? false;
    }
  }

  private ensureBucket(): Promise<void> {
    this.bucketReady ??= this.createBucketIfMissing().catch((error: unknown) => {
      this.bucketReady = undefined;
      throw error;
    });
    return this.bucketReady;
  }

  private async createBucketIfMissing(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.config.bucket }));
      return;
    } catch (error) {
      if (!(error instanceof NotFound) && !isStatus(error, 404)) throw error;
    }
    try {
      await this.client.send(new CreateBucketCommand({ Bucket: this.config.bucket, ObjectLockEnabledForBucket: true }));
    } catch (error) {
      if (!(error instanceof BucketAlreadyOwnedByYou)) throw error;
    }
  }
}

function isStatus(error: unknown, status: number): boolean {
  return error instanceof S3ServiceException && error.$metadata.httpStatusCode === status;
}
