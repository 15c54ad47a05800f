/**
 * Where the worker switches the workflows' tracing interceptors on in the workflow code it loads (the literal appears
 * once in a bundle; workflows/src/tracing.ts reads it through this constant). Left as it is, tracing is off in the
 * sandbox and none of its code is evaluated.
 */
export const WORKFLOW_TRACING_SLOT = '__QINGLIAN_WORKFLOW_TRACING_SLOT__' as string;
/** What the slot holds once the worker has switched tracing on. */
export const WORKFLOW_TRACING_ON = 'on';
