export * from './for-workflows.js';
export * from './indicators/framework-schema.js';
export * from './campaign-settings.js';
export * from './statistics.js';
export * from './access-policy.js';
export * from './credential-policy.js';
export * from './group-chat.js';
