/** The parts of an OpenAPI 3.0 document the fuzzer reads. */

export interface SchemaObject {
  readonly $ref?: string;
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly example?: unknown;
  readonly nullable?: boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly items?: SchemaObject;
  readonly properties?: Readonly<Record<string, SchemaObject>>;
  readonly required?: readonly string[];
  readonly allOf?: readonly SchemaObject[];
}

export interface ParameterObject {
  readonly name: string;
  readonly in: string;
  readonly required?: boolean;
  readonly schema?: SchemaObject;
}

export interface OperationObject {
  readonly parameters?: readonly ParameterObject[];
  readonly requestBody?: { readonly required?: boolean; readonly content: Readonly<Record<string, { readonly schema?: SchemaObject }>> };
}

export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, OperationObject>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, SchemaObject>> };
}

export interface FuzzOperation {
  readonly key: string;
  readonly method: string;
  readonly template: string;
  readonly pathParameters: readonly ParameterObject[];
  readonly queryParameters: readonly ParameterObject[];
  readonly body: { readonly contentType: string; readonly schema: SchemaObject } | null;
}

/** Every operation of the document, with the path parameters its template really has. */
export function operationsOf(document: OpenApiDocument): FuzzOperation[] {
  return Object.entries(document.paths).flatMap(([template, operations]) =>
    Object.entries(operations).map(([method, operation]) => {
      const parameters = operation.parameters ?? [];
      const content = Object.entries(operation.requestBody?.content ?? {})[0];
      return {
        key: `${method.toUpperCase()} ${template}`,
        method: method.toUpperCase(),
        template,
        pathParameters: parameters.filter((parameter) => parameter.in === 'path' && template.includes(`{${parameter.name}}`)),
        queryParameters: parameters.filter((parameter) => parameter.in === 'query'),
        body: content ? { contentType: content[0], schema: content[1].schema ?? {} } : null,
      };
    }),
  );
}

/** A schema with its `$ref` and `allOf` merged in, from the document's named schemas. */
export function schemaResolver(document: OpenApiDocument): (schema: SchemaObject) => SchemaObject {
  const schemas = document.components?.schemas ?? {};
  const resolve = (schema: SchemaObject): SchemaObject => {
    let resolved = schema;
    for (let hops = 0; hops < 20; hops += 1) {
      if (resolved.$ref) {
        const { $ref, ...rest } = resolved;
        resolved = { ...rest, ...schemas[$ref.replace('#/components/schemas/', '')] };
      } else if (resolved.allOf?.length) {
        const { allOf, ...rest } = resolved;
        resolved = allOf.reduce<SchemaObject>((merged, part) => ({ ...merged, ...resolve(part) }), rest);
      } else {
        return resolved;
      }
    }
    return resolved;
  };
  return resolve;
}

/** The type of a resolved schema; an untyped one is an object if it has properties, a string otherwise. */
export function typeOf(resolved: SchemaObject): string {
  return resolved.type ?? (resolved.properties ? 'object' : 'string');
}
