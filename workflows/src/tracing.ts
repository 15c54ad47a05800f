import type { WorkflowInterceptors } from '@temporalio/workflow';
import type * as OpenTelemetryWorkflow from '@temporalio/interceptors-opentelemetry/lib/workflow/index.js';
import { WORKFLOW_TRACING_ON, WORKFLOW_TRACING_SLOT } from '#contracts';

/**
 * 链路追踪 in the sandbox: every bundle registers these interceptors (workflowBundleOptions), and they are empty unless
 * the worker switched tracing on when it loaded the code. On, a workflow's run, its updates (validation and handling),
 * signals and queries, and the activities it schedules are spans continuing the context their caller sent, handed to
 * the worker through its `exporter` sink. Off, the OpenTelemetry code bundled here is never evaluated.
 */
export function interceptors(): WorkflowInterceptors {
  if (WORKFLOW_TRACING_SLOT !== WORKFLOW_TRACING_ON) return {};
  // Required here rather than imported so that it is evaluated only when tracing is on (webpack bundles it either way).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const otel = require('@temporalio/interceptors-opentelemetry/lib/workflow/index.js') as typeof OpenTelemetryWorkflow;
  return {
    inbound: [new otel.OpenTelemetryInboundInterceptor()],
    outbound: [new otel.OpenTelemetryOutboundInterceptor()],
    internals: [new otel.OpenTelemetryInternalsInterceptor()],
  };
}
