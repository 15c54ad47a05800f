/** Messages between the benchmark driver and its worker process (over the child-process IPC channel). */
export type ToBenchWorker = { type: 'memory' } | { type: 'stop' };
export type FromBenchWorker = { type: 'ready' } | { type: 'memory'; rss: number; heapUsed: number };
