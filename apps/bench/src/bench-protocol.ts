/** Messages between the benchmark driver and its worker process (over the child-process IPC channel). */
export type ToBenchWorker = { type: 'memory' } | { type: 'stop' };
export type FromBenchWorker = { type: 'ready' } | ({ type: 'memory' } & BenchWorkerMemory);
/** After a full garbage collection of the worker's main thread; the workflow thread's heap is within the resident size. */
export interface BenchWorkerMemory {
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
}
