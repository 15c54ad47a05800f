// 案件规则 — what a case workflow needs of the domain: its stages, events, state and rules, and scoring.
// Workflow code imports this entry (#domain/for-workflows), not the whole domain, so that validation schemas and statistics
// stay out of the workflow bundle, which is evaluated again for every workflow the worker loads. The working-day
// calendar, due dates (dueOnFor) and the reminder schedule (nextReminder) are here for the deadline timers; their
// validation (campaign-settings) is not.
export * from './actors.js';
export * from './calendar/index.js';
export * from './categories.js';
export * from './case-events.js';
export * from './case-commands.js';
export * from './command-proof.js';
export * from './documents.js';
export * from './case-rule-violation.js';
export * from './errors.js';
export * from './case-rules.js';
export * from './case-state.js';
export * from './deadlines.js';
export * from './stages.js';
export * from './indicators/framework.js';
export * from './indicators/scoring.js';
export * from './digest.js';
export * from './reminders.js';
