/**
 * A seeded generator of malformed HTTP requests for every operation of an OpenAPI 3.0 document.
 *
 * Pure: the document, the valid values the caller knows (ids made in set-up) and a seed give the same requests
 * every time, so a failure is reproduced by its seed and index. Each request starts from a valid one (path,
 * query and body built from the schema and the known values) and breaks one to three things, so that most get
 * past the outer checks and reach the code behind them.
 */
import { finish, type Draft, type FuzzRequest, type Tools } from './draft.js';
import { mutateBody } from './mutate-body.js';
import { mutateAuthorization, mutateContentType, mutateHeader, mutateMethod, mutatePath, mutateQuery, mutateRawBody } from './mutate-request.js';
import { operationsOf, type FuzzOperation, type OpenApiDocument } from './openapi.js';
import { Random } from './random.js';
import { ValidRequests, type FuzzContext } from './valid.js';

export { describeRequest, excerpt, type FuzzRequest } from './draft.js';
export { operationsOf, type OpenApiDocument } from './openapi.js';
export { streamSeed } from './random.js';
export type { FuzzContext } from './valid.js';

/** The kinds of mutation in the order they apply: field changes first, so that a change of the whole body (or of how it is sent) comes last and shows. */
const MUTATIONS = {
  path: mutatePath,
  query: mutateQuery,
  body: mutateBody,
  'raw-body': mutateRawBody,
  'content-type': mutateContentType,
  authorization: mutateAuthorization,
  header: mutateHeader,
  method: mutateMethod,
} as const satisfies Readonly<Record<string, (tools: Tools, draft: Draft) => void>>;
type Category = keyof typeof MUTATIONS;
const ORDER = Object.keys(MUTATIONS) as readonly Category[];
/** Kinds that a request gets at most once. */
const ONCE: readonly Category[] = ['raw-body', 'content-type', 'authorization', 'method'];

/** Requests for a whole run: every operation in turn (shuffled each round), `count` in all. */
export function* generateRequests(document: OpenApiDocument, context: FuzzContext, options: { seed: number; count: number }): Generator<FuzzRequest> {
  const rng = new Random(options.seed);
  const valid = new ValidRequests(document, context, rng);
  const operations = operationsOf(document);
  let round: FuzzOperation[] = [];
  for (let index = 0; index < options.count; index += 1) {
    if (round.length === 0) round = rng.shuffled(operations);
    const operation = round.pop();
    if (operation) yield request(valid, operation, index);
  }
}

function request(valid: ValidRequests, operation: FuzzOperation, index: number): FuzzRequest {
  const { rng } = valid;
  const draft = valid.draft(operation);
  if (!rng.chance(0.04)) {
    const count = rng.weighted([
      [1, 6],
      [2, 3],
      [3, 1],
    ] as const);
    const categories: Category[] = [];
    for (let i = 0; i < count; i += 1) {
      const category = categoryFor(rng, operation);
      if (ONCE.includes(category) && categories.includes(category)) continue;
      categories.push(category);
    }
    categories.sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
    for (const category of categories) MUTATIONS[category](valid, draft);
  }
  return finish(draft, index);
}

function categoryFor(rng: Random, operation: FuzzOperation): Category {
  const choices: [Category, number][] = [
    ['query', operation.queryParameters.length ? 2.5 : 1],
    ['raw-body', operation.body ? 1.5 : 0.7],
    ['content-type', operation.body ? 1 : 0.2],
    ['authorization', 0.3],
    ['header', 0.3],
    ['method', 0.2],
  ];
  if (operation.pathParameters.length) choices.push(['path', 3]);
  if (operation.body) choices.push(['body', 6]);
  return rng.weighted(choices);
}
