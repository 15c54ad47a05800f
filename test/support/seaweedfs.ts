import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { BucketAlreadyOwnedByYou, CreateBucketCommand, DeleteObjectCommand, ListBucketsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { freePort } from './http.js';

export interface SeaweedFs {
  /** Base URL of the S3 API; use it with `forcePathStyle: true`. */
  readonly endpoint: string;
  readonly region: string;
  /** Created, and known to accept writes, before start resolves. */
  readonly bucket: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  stop(): Promise<void>;
}

// A fresh `weed server` accepts its first write about 10 s after start (its filer waits that long to be sure it has
// no peers before it joins the cluster); the rest is headroom for a loaded machine.
const START_TIMEOUT_MS = 60_000;
const OUTPUT_LIMIT = 64 * 1024;
// Lets the kernel kill the server if the test process dies without stop() (a crashed or killed Jest worker).
const SETPRIV = '/usr/bin/setpriv';

/** The provisioned `weed` binary (scripts/test.sh exports it). */
export function seaweedFsPath(): string {
  const path = process.env.SEAWEEDFS_PATH;
  if (!path) {
    throw new Error(
      'SEAWEEDFS_PATH is not set. Run the tests through scripts/test.sh (npm run test:integration), which builds or finds SeaweedFS, ' +
        'or set it yourself: export SEAWEEDFS_PATH=$(bash scripts/seaweedfs.sh)',
    );
  }
  return path;
}

async function distinctFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

/**
 * A real SeaweedFS (master, volume server, filer and S3 gateway in one process) on 127.0.0.1 with one signed identity
 * and an empty bucket. Anonymous requests are refused. Its data lives in a temporary folder that stop() removes.
 */
export async function startSeaweedFs(): Promise<SeaweedFs> {
  const executable = seaweedFsPath();
  const dataDir = await mkdtemp(join(tmpdir(), 'qinglian-seaweedfs-'));
  const region = 'us-east-1';
  const bucket = 'qinglian-documents';
  const accessKeyId = `QL${randomBytes(9).toString('hex').toUpperCase()}`;
  const secretAccessKey = randomBytes(30).toString('base64url');
  const s3Config = {
    identities: [
      { name: 'qinglian-test', credentials: [{ accessKey: accessKeyId, secretKey: secretAccessKey }], actions: ['Admin', 'Read', 'List', 'Tagging', 'Write'] },
    ],
  };
  await writeFile(join(dataDir, 's3.json'), JSON.stringify(s3Config), { mode: 0o600 });
  await mkdir(join(dataDir, 'data'));

  // Every listener gets its own port: the gRPC defaults (HTTP port + 10000) can pass 65535 or collide with another run.
  const [master, masterGrpc, volume, volumeGrpc, filer, filerGrpc, s3, s3Grpc] = (await distinctFreePorts(8)) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const args = [
    '-logtostderr=true',
    'server',
    '-ip=127.0.0.1',
    '-ip.bind=127.0.0.1',
    `-dir=${join(dataDir, 'data')}`,
    `-master.port=${master}`,
    `-master.port.grpc=${masterGrpc}`,
    '-master.volumeSizeLimitMB=32',
    '-master.telemetry=false',
    `-volume.port=${volume}`,
    `-volume.port.grpc=${volumeGrpc}`,
    // Volumes are sparse files grown one at a time (WEED_MASTER_VOLUME_GROWTH_COPY_1 below), so a high limit costs
    // nothing until used; with the default growth of 7 per bucket a second bucket would find no room.
    '-volume.max=32',
    '-filer',
    `-filer.port=${filer}`,
    `-filer.port.grpc=${filerGrpc}`,
    `-filer.localSocket=${join(dataDir, 'filer.sock')}`,
    '-s3',
    `-s3.port=${s3}`,
    `-s3.port.grpc=${s3Grpc}`,
    `-s3.config=${join(dataDir, 's3.json')}`,
    `-s3.localSocket=${join(dataDir, 's3.sock')}`,
    // On by default at fixed ports (8181, 9101), which parallel test files would fight over.
    '-s3.port.iceberg=0',
    '-s3.port.lance=0',
    // Like AWS: a write to a missing bucket is NoSuchBucket instead of creating it.
    '-s3.autoCreateBucket=false',
  ];
  // Hard-coded in /tmp by weed, named after the gRPC ports, and left behind by a killed server.
  const grpcSockets = [`master-grpc-${masterGrpc}`, `volume-grpc-${volumeGrpc}`, `filer-grpc-${filerGrpc}`, `s3-grpc-${s3Grpc}`].map(
    (name) => `/tmp/seaweedfs-${name}.sock`,
  );

  const [command, commandArgs] = existsSync(SETPRIV) ? [SETPRIV, ['--pdeathsig', 'KILL', '--', executable, ...args]] : [executable, args];
  // A clean environment: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY would register a second admin identity, and HOME or
  // the working directory could hold a developer's master.toml or filer.toml.
  const child = spawn(command, commandArgs, {
    cwd: dataDir,
    detached: true,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dataDir, TMPDIR: dataDir, GOMEMLIMIT: '256MiB', WEED_MASTER_VOLUME_GROWTH_COPY_1: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  // Set once the process has exited or could not be spawned.
  let gone: string | undefined;
  const exited = new Promise<void>((resolve) => {
    // 'close' rather than 'exit': by then its last output has been read too.
    child.once('close', (code, signal) => {
      gone ??= `exited (${signal ? `signal ${signal}` : `code ${code ?? '?'}`})`;
      resolve();
    });
    child.once('error', (error) => {
      gone ??= `could not be started: ${error.message}`;
      if (child.pid === undefined) resolve();
    });
  });

  const killGroup = () => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  process.once('exit', killGroup);
  // SIGKILL: the data is thrown away, and a graceful stop takes 15 s or more (the filer retries flushing its
  // metadata log to the volume server, which has already stopped).
  const stop = async () => {
    process.removeListener('exit', killGroup);
    killGroup();
    await exited;
    await Promise.all([rm(dataDir, { recursive: true, force: true }), ...grpcSockets.map((socket) => rm(socket, { force: true }))]);
  };

  const endpoint = `http://127.0.0.1:${s3}`;
  const client = new S3Client({ endpoint, region, forcePathStyle: true, credentials: { accessKeyId, secretAccessKey }, maxAttempts: 1 });
  try {
    await waitUntilWritable(client, bucket, () => gone);
  } catch (error) {
    await stop();
    throw new Error(`SeaweedFS (${executable}) ${error instanceof Error ? error.message : String(error)}. Its output:\n${output}`, { cause: error });
  } finally {
    client.destroy();
  }
  return { endpoint, region, bucket, accessKeyId, secretAccessKey, stop };
}

/**
 * Polls until a signed request is answered (the gateway has its identities and a filer), creates the bucket, then
 * writes and deletes a probe object: writes wait for the filer to join the cluster, well after the API answers.
 */
async function waitUntilWritable(client: S3Client, bucket: string, gone: () => string | undefined): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let bucketCreated = false;
  let last: unknown;
  while (Date.now() < deadline) {
    const reason = gone();
    if (reason !== undefined) throw new Error(`${reason} before it was ready`);
    const abortSignal = AbortSignal.timeout(Math.max(deadline - Date.now(), 1));
    try {
      await client.send(new ListBucketsCommand({}), { abortSignal });
      if (!bucketCreated) {
        try {
          await client.send(new CreateBucketCommand({ Bucket: bucket }), { abortSignal });
        } catch (error) {
          // An earlier attempt went through after all.
          if (!(error instanceof BucketAlreadyOwnedByYou)) throw error;
        }
        bucketCreated = true;
      }
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: '.startup-probe', Body: 'ready' }), { abortSignal });
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: '.startup-probe' }), { abortSignal });
      return;
    } catch (error) {
      last = error;
    }
    await delay(100);
  }
  throw new Error(
    `did not accept writes within ${START_TIMEOUT_MS / 1000} s (last error: ${last instanceof Error ? `${last.name}: ${last.message}` : String(last)})`,
  );
}
