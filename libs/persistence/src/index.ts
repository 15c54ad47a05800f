export * from './audit-verifier.js';
export * from './case-event-store.js';
export * from './case-projection.js';
export * from './entities/index.js';
export * from './event-hash.js';
export * from './framework-catalog.js';
export * from './nest/persistence.module.js';
export * from './orm-options.js';
