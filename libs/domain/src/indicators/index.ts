export * from './framework.js';
export * from './framework-schema.js';
export * from './scoring.js';
