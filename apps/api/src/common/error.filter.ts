import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { isGrpcServiceError, ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { Request, Response } from 'express';
import { BilingualError, type ErrorKind } from '#domain';
import { isDatabaseUnavailable } from '#persistence';
import { caseStepRefusal } from '#temporal';

export interface ErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  messageZh?: string;
  messageEn?: string;
  errors?: { field: string; messages: string[] }[];
  requestId?: string;
  [detail: string]: unknown;
}

/**
 * How long a caller is told to wait before trying again while Temporal or the database is out of reach: a restart or
 * a failover takes seconds, and a step retried with its Idempotency-Key is recorded once whatever happened before.
 */
const WORKFLOW_ENGINE_RETRY_AFTER_SECONDS = 2;
const DATABASE_RETRY_AFTER_SECONDS = 2;

/** gRPC's status INVALID_ARGUMENT. */
const GRPC_INVALID_ARGUMENT = 3;

/** The HTTP answer of each kind of refusal: the only place where errors meet status codes. */
const KIND_STATUS: Readonly<Record<ErrorKind, readonly [number, string]>> = {
  invalid: [HttpStatus.BAD_REQUEST, 'Bad Request'],
  unauthenticated: [HttpStatus.UNAUTHORIZED, 'Unauthorized'],
  forbidden: [HttpStatus.FORBIDDEN, 'Forbidden'],
  not_found: [HttpStatus.NOT_FOUND, 'Not Found'],
  conflict: [HttpStatus.CONFLICT, 'Conflict'],
  unprocessable: [HttpStatus.UNPROCESSABLE_ENTITY, 'Unprocessable Content'],
  too_large: [HttpStatus.PAYLOAD_TOO_LARGE, 'Payload Too Large'],
  unsupported: [HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'Unsupported Media Type'],
  locked: [HttpStatus.LOCKED, 'Locked'],
  rate_limited: [HttpStatus.TOO_MANY_REQUESTS, 'Too Many Requests'],
  unavailable: [HttpStatus.SERVICE_UNAVAILABLE, 'Service Unavailable'],
};

/** The answer to a refusal: its status, code, reason in both languages, each field with its messages. */
export function errorBody(error: BilingualError): ErrorBody {
  const [statusCode, reason] = KIND_STATUS[error.kind];
  const fields = new Map<string, string[]>();
  for (const problem of error.fields) fields.set(problem.field, [...(fields.get(problem.field) ?? []), problem.message]);
  return {
    ...error.details,
    statusCode,
    error: reason,
    code: error.code,
    message: `${error.messageZh} / ${error.messageEn}`,
    messageZh: error.messageZh,
    messageEn: error.messageEn,
    ...(fields.size ? { errors: [...fields].map(([field, messages]) => ({ field, messages })) } : {}),
  };
}

/** The one place where errors become HTTP answers. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const refusal = refusalOf(exception);
    const body = refusal
      ? { ...errorBody(refusal), requestId: request.id }
      : {
          statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
          error: 'Internal Server Error',
          code: 'INTERNAL',
          message: '服务器内部错误 / Internal server error',
          requestId: request.id,
        };
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: request.id }, body.message);
    }
    // A refusal that says when to come back (a lockout, the workflow engine out of reach) says it in the header too.
    if ('retryAfterSeconds' in body && typeof body.retryAfterSeconds === 'number') {
      response.setHeader('Retry-After', String(Math.max(1, Math.ceil(body.retryAfterSeconds))));
    }
    response.status(body.statusCode).json(body);
  }
}

/** What the exception means as a refusal; null for a fault of ours (answered 500 and logged). */
export function refusalOf(exception: unknown): BilingualError | null {
  if (exception instanceof BilingualError) return exception;
  const refusal = caseStepRefusal(exception);
  if (refusal) return refusal;
  if (exception instanceof WorkflowExecutionAlreadyStartedError) {
    return new BilingualError('conflict', 'ALREADY_ENROLLED', '该单位已在本年度创建活动中', 'The unit is already enrolled in this campaign');
  }
  if (exception instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
    // The step reached Temporal but its outcome did not come back in time (a starved or restarting worker): sent again
    // (a step with its Idempotency-Key, an enrollment as itself) it is recorded once.
    return new BilingualError(
      'unavailable',
      'WORKFLOW_ENGINE_TIMEOUT',
      '流程引擎未能及时答复，请稍后重试（重试不会重复记录）',
      'The workflow engine did not answer in time; try again shortly (a retry is not recorded twice)',
      { details: { retryAfterSeconds: WORKFLOW_ENGINE_RETRY_AFTER_SECONDS } },
    );
  }
  // The Temporal client wraps most of its gRPC failures in a ServiceError, but rethrows an Update-with-Start's
  // operation failure as the raw gRPC error (e.g. FAILED_PRECONDITION while the case's workflow task is being retried).
  if (exception instanceof ServiceError || isGrpcServiceError(exception)) {
    if (grpcCode(exception instanceof ServiceError ? exception.cause : exception) === GRPC_INVALID_ARGUMENT) {
      // Input the api let through but Temporal refuses (a limit of its own): the caller's to change, not a fault.
      return new BilingualError(
        'invalid',
        'REFUSED_BY_WORKFLOW_ENGINE',
        '流程引擎拒绝了该请求：参数无效',
        'The workflow engine refused the request as invalid',
      );
    }
    return new BilingualError(
      'unavailable',
      'WORKFLOW_ENGINE_UNAVAILABLE',
      '流程引擎暂不可用，请稍后重试（查询不受影响）',
      'The workflow engine is unavailable; try again shortly (reading is not affected)',
      { details: { retryAfterSeconds: WORKFLOW_ENGINE_RETRY_AFTER_SECONDS } },
    );
  }
  if (isDatabaseUnavailable(exception)) {
    return new BilingualError('unavailable', 'DATABASE_UNAVAILABLE', '数据库暂不可用，请稍后重试', 'The database is unavailable; try again shortly', {
      details: { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS },
    });
  }
  if (exception instanceof HttpException) return fromHttpException(exception);
  return null;
}

function grpcCode(cause: unknown): number | undefined {
  if (!isGrpcServiceError(cause)) return undefined;
  const code: number = cause.code;
  return code;
}

/** Nest's own refusals (an unknown route, the body parser's, a parameter pipe's) in the same shape. */
function fromHttpException(exception: HttpException): BilingualError | null {
  const status = exception.getStatus();
  const cause: unknown = exception.cause;
  if (cause instanceof SyntaxError) {
    return new BilingualError('invalid', 'MALFORMED_JSON', '请求内容不是合法的 JSON', `The request body is not valid JSON: ${cause.message}`);
  }
  if (typeof cause === 'object' && cause !== null && 'type' in cause && cause.type === 'entity.too.large') {
    const limit = 'limit' in cause && typeof cause.limit === 'number' ? cause.limit : '?';
    return new BilingualError('too_large', 'PAYLOAD_TOO_LARGE', `请求内容过大（上限 ${limit} 字节）`, `The request body is too large (limit ${limit} bytes)`);
  }
  const kind = (Object.keys(KIND_STATUS) as ErrorKind[]).find((candidate) => KIND_STATUS[candidate][0] === status);
  if (kind === undefined) return status >= 500 ? null : new BilingualError('invalid', `HTTP_${status}`, '请求无法处理', exception.message);
  return new BilingualError(kind, `HTTP_${status}`, HTTP_ZH[kind], exception.message);
}

const HTTP_ZH: Readonly<Record<ErrorKind, string>> = {
  invalid: '请求参数无效',
  unauthenticated: '请先登录',
  forbidden: '无权访问',
  not_found: '不存在',
  conflict: '与现有数据冲突',
  unprocessable: '请求无法按所述处理',
  too_large: '请求内容过大',
  unsupported: '不支持的内容类型',
  locked: '已锁定',
  rate_limited: '请求过于频繁，请稍后再试',
  unavailable: '服务暂不可用，请稍后重试',
};
