import type { Draft, Tools } from './draft.js';
import { asText, clone, type Json, type Value } from './json.js';
import { schemaResolver, typeOf, type FuzzOperation, type OpenApiDocument, type ParameterObject, type SchemaObject } from './openapi.js';
import type { Random } from './random.js';

/** Valid values the schema cannot know: ids made in set-up, passwords, whole bodies. */
export interface FuzzContext {
  /** Valid values of path and query parameters by name; one is picked per request. */
  readonly parameters: Readonly<Record<string, readonly string[]>>;
  /** Per operation ("POST /api/cases/{caseId}/withdrawal"), parameter values that replace `parameters`. */
  readonly operationParameters?: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
  /** Valid values of body properties by property name. */
  readonly fields?: Readonly<Record<string, readonly Json[]>>;
  /** Valid bodies by operation (JSON values, or the text of a non-JSON body). */
  readonly bodies?: Readonly<Record<string, readonly Json[]>>;
}

/** Valid requests and values, from the document's schemas and the caller's known values. */
export class ValidRequests implements Tools {
  readonly resolve: (schema: SchemaObject) => SchemaObject;
  readonly knownValues: readonly string[];

  constructor(
    document: OpenApiDocument,
    private readonly context: FuzzContext,
    readonly rng: Random,
  ) {
    this.resolve = schemaResolver(document);
    this.knownValues = [...new Set(Object.values(context.parameters).flat())];
  }

  /** A valid request for the operation: path, query and body built from the schema and the known values. */
  draft(operation: FuzzOperation): Draft {
    const pathValues = new Map<string, string>();
    for (const parameter of operation.pathParameters) pathValues.set(parameter.name, this.parameterValue(operation, parameter));
    const query: [string, string][] = [];
    for (const parameter of operation.queryParameters) {
      if (!parameter.required && this.rng.chance(0.5)) continue;
      query.push([parameter.name, this.parameterValue(operation, parameter)]);
    }
    let body: Value | undefined;
    let bodyText: string | undefined;
    if (operation.body) {
      const { contentType, schema } = operation.body;
      const valid = this.knownOr(this.context.bodies?.[operation.key], () => this.validValue(schema, ''));
      if (contentType.includes('json')) body = valid;
      else bodyText = typeof valid === 'string' ? valid : JSON.stringify(valid);
    }
    return {
      operation,
      validPathValues: new Map(pathValues),
      pathValues,
      query,
      body,
      bodyText,
      contentType: operation.body?.contentType,
      headers: {},
      method: operation.method,
      authorization: undefined,
      mutations: new Map(),
    };
  }

  validValue(schema: SchemaObject, name: string, depth = 0): Json {
    return this.knownOr(this.context.fields?.[name], () => this.fromSchema(schema, name, depth));
  }

  /** One of the known values (a copy, so that breaking it leaves the list alone), or else one made up. */
  private knownOr(known: readonly Json[] | undefined, otherwise: () => Json): Json {
    return known?.length ? clone(this.rng.pick(known)) : otherwise();
  }

  private parameterValue(operation: FuzzOperation, parameter: ParameterObject): string {
    const known = this.context.operationParameters?.[operation.key]?.[parameter.name] ?? this.context.parameters[parameter.name];
    return asText(this.knownOr(known, () => this.validValue(parameter.schema ?? {}, parameter.name)));
  }

  private fromSchema(schema: SchemaObject, name: string, depth: number): Json {
    const resolved = this.resolve(schema);
    if (resolved.enum?.length) return this.rng.pick(resolved.enum) as Json;
    if (resolved.example !== undefined && !(typeof resolved.example === 'string' && resolved.example.includes('…'))) return clone(resolved.example as Json);
    switch (typeOf(resolved)) {
      case 'number':
      case 'integer': {
        const minimum = resolved.minimum ?? 1;
        const maximum = resolved.maximum ?? Math.max(minimum, 100);
        return minimum + this.rng.int(Math.min(maximum - minimum, 1_000) + 1);
      }
      case 'boolean':
        return this.rng.chance(0.5);
      case 'array': {
        const items = resolved.items ?? { type: 'string' };
        return Array.from({ length: Math.max(resolved.minItems ?? 1, 1) }, () => this.validValue(items, name, depth + 1));
      }
      case 'object': {
        const result: Record<string, Json> = {};
        if (depth > 5) return result;
        const required = new Set(resolved.required ?? []);
        for (const [key, property] of Object.entries(resolved.properties ?? {})) {
          if (required.has(key) || this.rng.chance(0.5)) result[key] = this.validValue(property, key, depth + 1);
        }
        return result;
      }
      default:
        return this.validString(resolved, name);
    }
  }

  private validString(schema: SchemaObject, name: string): string {
    switch (schema.format) {
      case 'uuid':
        return this.rng.uuid();
      case 'date-time':
        return '2019-06-30T16:00:00Z';
      case 'email':
        return 'fuzz@example.com';
      case 'password':
        return 'a long passphrase for the fuzzer';
      default: {
        const text = `fuzz ${name} 清廉 ${this.rng.int(1_000_000)}`;
        return text.slice(0, schema.maxLength ?? text.length).padEnd(schema.minLength ?? 0, 'x');
      }
    }
  }
}
