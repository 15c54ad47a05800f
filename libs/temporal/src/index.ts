export * from './temporal-client.module.js';
export * from './workflow-source.js';
export * from './case-steps.js';
export * from './command-signer.js';
export * from './workflow-heads.js';
export * from './deployment-pairing.js';
export * from './tracing.js';
