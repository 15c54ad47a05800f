export { caseWorkflow } from './case.workflow.js';
export { progressReportCallWorkflow, weeklyDigestWorkflow } from './program-schedules.workflow.js';
export { documentHousekeepingWorkflow } from './document-housekeeping.workflow.js';
export { bulkActionWorkflow } from './bulk-action.workflow.js';
export { auditCheckpointWorkflow } from './audit-checkpoint.workflow.js';
