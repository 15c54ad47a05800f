export * from './actors.js';
export * from './categories.js';
export * from './case-events.js';
export * from './case-rule-violation.js';
export * from './case-rules.js';
export * from './case-state.js';
export * from './stages.js';
export * from './indicators/index.js';
