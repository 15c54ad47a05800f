export * from './case-events.contract.js';
export * from './case-workflow.contract.js';
export * from './search-attributes.js';
export * from './schedules.contract.js';
export * from './notifications.contract.js';
export * from './deadlines.contract.js';
export * from './documents.contract.js';
export * from './bulk-actions.contract.js';
