export * from './blob-store.js';
export * from './document-records.js';
export * from './media-type.js';
