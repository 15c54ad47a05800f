import type * as OpenTelemetryApi from '@opentelemetry/api';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { ClientInterceptors } from '@temporalio/client';
import type { WorkerOptions } from '@temporalio/worker';
import type { AppConfig, TracingConfig } from '#config';

/**
 * 链路追踪 / Tracing as started in this process (the OpenTelemetry SDK is one per process): what the HTTP layer, the
 * Temporal client and the worker add to trace a step from its request to its append.
 */
export interface ProcessTracing {
  /** The service the spans are reported under (the resource's `service.name`). */
  readonly serviceName: string;
  /** The OpenTelemetry API, loaded (the api's server spans use it). */
  readonly api: typeof OpenTelemetryApi;
  /** A Temporal client's: a span per call (start, update, signal, query…), its context carried in the call's headers. */
  readonly clientInterceptors: ClientInterceptors;
  /**
   * A worker's: a span per activity, continuing the context its workflow sent, and the sink the workflow code's spans
   * (run, update validation and handling, activities scheduled) leave the sandbox through. The workflow code's own
   * interceptors are switched on where it is loaded (workflowCodeOptions).
   */
  readonly workerOptions: Required<Pick<WorkerOptions, 'interceptors' | 'sinks'>>;
  /** Exports the spans ended so far. */
  flush(): Promise<void>;
  /** Exports what is left and stops tracing in this process. */
  shutdown(): Promise<void>;
}

let current: ProcessTracing | undefined;

/** The tracing startTracing started in this process; undefined when tracing is off. */
export function processTracing(): ProcessTracing | undefined {
  return current;
}

/**
 * Starts tracing for this process when the configuration names an exporter (`OTEL_TRACES_EXPORTER`), before the Nest
 * application and the Temporal client and worker are made: they look here for what to add. With `none` (the default)
 * nothing of OpenTelemetry is loaded and undefined is returned. Spans are sampled as their parent was (a caller's W3C
 * `traceparent`), every root span otherwise; contexts travel as W3C trace context and baggage.
 */
export async function startTracing(config: AppConfig, serviceName: string): Promise<ProcessTracing | undefined> {
  const tracing = config.tracing;
  if (tracing.exporter === 'none') return undefined;
  if (current) throw new Error(`tracing is already started in this process (as ${current.serviceName})`);
  const [api, core, resources, semconv, sdk, temporal] = await Promise.all([
    import('@opentelemetry/api'),
    import('@opentelemetry/core'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/semantic-conventions'),
    import('@opentelemetry/sdk-trace-node'),
    import('@temporalio/interceptors-opentelemetry'),
  ]);
  const name = tracing.serviceName ?? serviceName;
  const resource = new resources.Resource({ [semconv.ATTR_SERVICE_NAME]: name });
  const processor = new sdk.BatchSpanProcessor(await spanExporter(tracing));
  const provider = new sdk.NodeTracerProvider({
    resource,
    sampler: new sdk.ParentBasedSampler({ root: new sdk.AlwaysOnSampler() }),
    spanProcessors: [processor],
  });
  provider.register({
    propagator: new core.CompositePropagator({ propagators: [new core.W3CTraceContextPropagator(), new core.W3CBaggagePropagator()] }),
  });
  const started: ProcessTracing = {
    serviceName: name,
    api,
    clientInterceptors: { workflow: [new temporal.OpenTelemetryWorkflowClientInterceptor()] },
    workerOptions: {
      interceptors: {
        activity: [
          (context) => ({
            inbound: new temporal.OpenTelemetryActivityInboundInterceptor(context),
            outbound: new temporal.OpenTelemetryActivityOutboundInterceptor(context),
          }),
        ],
      },
      // Spans made in the sandbox reach the same processor as the process's own, under this process's resource.
      sinks: { exporter: temporal.makeWorkflowExporter(processor, resource) },
    },
    flush: () => provider.forceFlush(),
    shutdown: async () => {
      if (current !== started) return;
      current = undefined;
      await provider.shutdown();
      api.trace.disable();
      api.propagation.disable();
      api.context.disable();
    },
  };
  current = started;
  return started;
}

async function spanExporter(tracing: Exclude<TracingConfig, { exporter: 'none' }>): Promise<SpanExporter> {
  if (tracing.exporter === 'console') return new (await import('@opentelemetry/sdk-trace-node')).ConsoleSpanExporter();
  const options = { url: tracing.url, headers: { ...tracing.headers } };
  return tracing.protocol === 'http/json'
    ? new (await import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter(options)
    : new (await import('@opentelemetry/exporter-trace-otlp-proto')).OTLPTraceExporter(options);
}
