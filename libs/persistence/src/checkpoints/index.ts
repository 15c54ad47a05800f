export * from './chain-heads.js';
export * from './checkpoint-format.js';
export * from './checkpoint-log.js';
export * from './checkpoint-problems.js';
export * from './checkpoint-store.js';
export * from './checkpoint-writer.js';
export * from './merkle.js';
export * from './trail-checks.js';
