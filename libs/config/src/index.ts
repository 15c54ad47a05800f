export * from './app-config.js';
export * from './config.module.js';
export * from './repo-root.js';
export * from './key-source.js';
export * from './secrets-key.js';
export * from './launcher-link.js';
export * from './logging.js';
