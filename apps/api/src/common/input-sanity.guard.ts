import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { invalidField } from '#domain';

/** No request body of the api nests deeper than a few levels (a score sheet: scores[i].evidence[j]). */
export const MAX_JSON_DEPTH = 10;

interface Problem {
  readonly field: string;
  readonly zh: string;
  readonly en: string;
}

/**
 * Runs before the access guard, so nothing reads the database with input no database could hold: a string with
 * a NUL character (PostgreSQL refuses it in text and JSON, SQLite's driver fails on it in a parameter) or with
 * a lone surrogate (not text at all), in a path parameter, the query, a body field or a field's name, and JSON
 * nested deeper than any request of the api. Each answers 400 naming where.
 */
@Injectable()
export class InputSanityGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const problem =
      findProblem(request.params, '', 1) ??
      findProblem(request.query, '', 1) ??
      (request.body === undefined ? null : findProblem(request.body as unknown, '', 0));
    if (problem === null) return true;
    throw invalidField(problem.field, problem.zh, problem.en);
  }
}

/** The first unacceptable string or nesting in a parsed value (fields named as the validation names them), walked without recursion. */
export function findProblem(root: unknown, rootField: string, rootDepth: number): Problem | null {
  const pending: { value: unknown; field: string; depth: number }[] = [{ value: root, field: rootField, depth: rootDepth }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, field, depth } = next;
    if (typeof value === 'string') {
      const problem = textProblem(value, field);
      if (problem) return problem;
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_JSON_DEPTH) {
      return { field, zh: `嵌套层级超过 ${MAX_JSON_DEPTH} 层`, en: `nested deeper than ${MAX_JSON_DEPTH} levels` };
    }
    for (const [key, child] of Object.entries(value)) {
      const childField = field === '' ? key : `${field}.${key}`;
      const keyProblem = textProblem(key, childField);
      if (keyProblem) return keyProblem;
      pending.push({ value: child, field: childField, depth: depth + 1 });
    }
  }
  return null;
}

function textProblem(text: string, field: string): Problem | null {
  if (text.includes('\u0000')) return { field: printable(field), zh: '不能包含空字符 (U+0000)', en: 'must not contain a NUL character (U+0000)' };
  if (!text.isWellFormed()) return { field: printable(field), zh: '不是有效的 Unicode 文本', en: 'is not well-formed Unicode text' };
  return null;
}

/** The field's name as it can be shown back (its own bad characters replaced). */
function printable(field: string): string {
  return (field || 'body').replaceAll('\u0000', '\\u0000').toWellFormed().slice(0, 200);
}
