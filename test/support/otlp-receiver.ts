import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import protobuf from 'protobufjs';

/** One span as an OTLP receiver sees it: ids in hex, the service from its resource, its attributes flattened. */
export interface ReceivedSpan {
  readonly traceId: string;
  readonly spanId: string;
  /** Undefined for a root span. */
  readonly parentSpanId: string | undefined;
  readonly name: string;
  /** OTLP's SpanKind: 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  readonly kind: number;
  readonly service: string;
  readonly scope: string;
  readonly attributes: Readonly<Record<string, string | number | boolean>>;
  /** OTLP's status code: 0 unset, 1 ok, 2 error. */
  readonly statusCode: number;
}

export interface OtlpReceiver {
  /** The base endpoint (OTEL_EXPORTER_OTLP_ENDPOINT): traces are posted to /v1/traces under it. */
  readonly endpoint: string;
  /** The media type of every export request, in order. */
  readonly requests: readonly string[];
  readonly spans: readonly ReceivedSpan[];
  stop(): Promise<void>;
}

// The part of opentelemetry/proto/collector/trace/v1 and its imports a receiver reads (field numbers as published);
// the rest of each message is skipped.
const TRACE_SERVICE_PROTO = `
syntax = "proto3";
package otlp;
message ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
message ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
message Resource { repeated KeyValue attributes = 1; }
message ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }
message InstrumentationScope { string name = 1; string version = 2; }
message Span {
  bytes trace_id = 1;
  bytes span_id = 2;
  bytes parent_span_id = 4;
  string name = 5;
  int32 kind = 6;
  repeated KeyValue attributes = 9;
  Status status = 15;
}
message Status { string message = 2; int32 code = 3; }
message KeyValue { string key = 1; AnyValue value = 2; }
message AnyValue {
  oneof value { string string_value = 1; bool bool_value = 2; int64 int_value = 3; double double_value = 4; }
}
`;
const exportRequest = protobuf.parse(TRACE_SERVICE_PROTO).root.lookupType('otlp.ExportTraceServiceRequest');

/** An export request as OTLP/JSON spells it (ids in hex), or as the protobuf decodes (ids as bytes). */
interface ExportRequest {
  readonly resourceSpans?: readonly {
    readonly resource?: { readonly attributes?: readonly KeyValue[] };
    readonly scopeSpans?: readonly {
      readonly scope?: { readonly name?: string };
      readonly spans?: readonly {
        readonly traceId: Id;
        readonly spanId: Id;
        readonly parentSpanId?: Id;
        readonly name: string;
        readonly kind?: number;
        readonly attributes?: readonly KeyValue[];
        readonly status?: { readonly code?: number };
      }[];
    }[];
  }[];
}

type Id = string | Uint8Array;

function hex(id: Id): string {
  return typeof id === 'string' ? id : Buffer.from(id).toString('hex');
}

interface KeyValue {
  readonly key: string;
  readonly value?: { readonly stringValue?: string; readonly boolValue?: boolean; readonly intValue?: number | string; readonly doubleValue?: number };
}

function body(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    request.on('error', reject);
  });
}

function attributesOf(list: readonly KeyValue[] | undefined): Record<string, string | number | boolean> {
  const attributes: Record<string, string | number | boolean> = {};
  for (const { key, value } of list ?? []) {
    const scalar = value?.stringValue ?? value?.boolValue ?? value?.doubleValue ?? (value?.intValue === undefined ? undefined : Number(value.intValue));
    if (scalar !== undefined) attributes[key] = scalar;
  }
  return attributes;
}

function decode(contentType: string, bytes: Buffer): ExportRequest {
  if (contentType.startsWith('application/json')) return JSON.parse(bytes.toString('utf8')) as ExportRequest;
  if (contentType.startsWith('application/x-protobuf')) {
    const message = exportRequest.decode(bytes);
    return exportRequest.toObject(message, { longs: Number });
  }
  throw new Error(`unexpected content type ${contentType}`);
}

/**
 * An OTLP/HTTP trace receiver on loopback, as a collector's: POST /v1/traces in JSON (`application/json`) or protobuf
 * (`application/x-protobuf`), answered 200 with an empty ExportTraceServiceResponse in the same encoding.
 */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const requests: string[] = [];
  const spans: ReceivedSpan[] = [];
  const server = createServer((request, response) => {
    void body(request).then((bytes) => {
      const contentType = request.headers['content-type'] ?? '';
      if (request.method !== 'POST' || request.url !== '/v1/traces') {
        response.writeHead(404).end();
        return;
      }
      let decoded: ExportRequest;
      try {
        decoded = decode(contentType, bytes);
      } catch {
        response.writeHead(400).end();
        return;
      }
      requests.push(contentType);
      for (const resourceSpans of decoded.resourceSpans ?? []) {
        const service = String(attributesOf(resourceSpans.resource?.attributes)['service.name']);
        for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
          for (const span of scopeSpans.spans ?? []) {
            spans.push({
              traceId: hex(span.traceId),
              spanId: hex(span.spanId),
              parentSpanId: span.parentSpanId === undefined || hex(span.parentSpanId) === '' ? undefined : hex(span.parentSpanId),
              name: span.name,
              kind: span.kind ?? 0,
              service,
              scope: scopeSpans.scope?.name ?? '',
              attributes: attributesOf(span.attributes),
              statusCode: span.status?.code ?? 0,
            });
          }
        }
      }
      if (contentType.startsWith('application/json')) response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      else response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    spans,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
