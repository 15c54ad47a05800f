export * from './temporal-client.module.js';
export * from './workflow-source.js';
