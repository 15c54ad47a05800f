export * from './framework.js';
export * from './scoring.js';
