import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { ApplicationFailure, ServiceError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { Request, Response } from 'express';
import { CaseRuleViolation } from '#domain';
import { CASE_RULE_VIOLATION, type CaseRuleViolationDetails } from '#contracts';
import { AccountRejected } from '#persistence';
import { InvalidInputError, ResourceConflictError, ResourceNotFoundError } from './errors.js';

export interface ErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  messageZh?: string;
  messageEn?: string;
  errors?: { field: string; messages: string[] }[];
  requestId?: string;
}

/** Refusals that are not conflicts with the case's state: every other rule code answers 409. */
const RULE_STATUS: Readonly<Record<string, readonly [HttpStatus, string]>> = {
  ROLE_NOT_ALLOWED: [HttpStatus.FORBIDDEN, 'Forbidden'],
  FRAMEWORK_UNKNOWN: [HttpStatus.NOT_FOUND, 'Not Found'],
};

/** The one place where errors become HTTP answers. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const body = { ...this.toBody(exception), requestId: request.id };
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: request.id }, body.message);
    }
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      if (typeof payload === 'object' && 'code' in payload) {
        return { ...(payload as ErrorBody), statusCode: status };
      }
      const parser = bodyParserProblem(exception.cause);
      if (parser) return { statusCode: status, error: exception.name, ...parser };
      return { statusCode: status, error: exception.name, code: `HTTP_${status}`, message: exception.message };
    }
    if (exception instanceof InvalidInputError) {
      return {
        statusCode: HttpStatus.BAD_REQUEST,
        error: 'Bad Request',
        code: 'VALIDATION_FAILED',
        message: '请求参数无效 / Invalid request',
        messageZh: '请求参数无效',
        messageEn: 'Invalid request',
        errors: exception.errors.map((error) => ({ field: error.field, messages: [error.message] })),
      };
    }
    if (exception instanceof AccountRejected) {
      const conflict = exception.code === 'USERNAME_TAKEN';
      return {
        statusCode: conflict ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST,
        error: conflict ? 'Conflict' : 'Bad Request',
        code: conflict ? 'USERNAME_TAKEN' : 'VALIDATION_FAILED',
        message: conflict ? `${exception.problems[0]?.zh ?? ''} / ${exception.problems[0]?.en ?? ''}` : '请求参数无效 / Invalid request',
        errors: exception.problems.map((problem) => ({ field: problem.field, messages: [`${problem.zh} / ${problem.en}`] })),
      };
    }
    if (exception instanceof ResourceNotFoundError) {
      return { statusCode: HttpStatus.NOT_FOUND, error: 'Not Found', code: 'NOT_FOUND', message: exception.message };
    }
    if (exception instanceof ResourceConflictError || exception instanceof CaseRuleViolation) {
      const [statusCode, error] = RULE_STATUS[exception.code] ?? [HttpStatus.CONFLICT, 'Conflict'];
      return { statusCode, error, code: exception.code, message: `${exception.messageZh} / ${exception.messageEn}`, messageZh: exception.messageZh, messageEn: exception.messageEn };
    }
    if (exception instanceof WorkflowUpdateFailedError && exception.cause instanceof ApplicationFailure && exception.cause.type === CASE_RULE_VIOLATION) {
      const details = exception.cause.details?.[0] as CaseRuleViolationDetails | undefined;
      if (details) return this.toBody(new CaseRuleViolation(details.code, details.messageZh, details.messageEn));
    }
    if (exception instanceof WorkflowNotFoundError) {
      return { statusCode: HttpStatus.NOT_FOUND, error: 'Not Found', code: 'CASE_NOT_FOUND', message: `案件不存在 / Case not found: ${exception.workflowId}` };
    }
    if (exception instanceof WorkflowExecutionAlreadyStartedError) {
      return this.toBody(new ResourceConflictError('ALREADY_ENROLLED', '该单位已在本年度创建活动中', 'The unit is already enrolled in this campaign'));
    }
    if (exception instanceof ServiceError) {
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        error: 'Service Unavailable',
        code: 'WORKFLOW_ENGINE_UNAVAILABLE',
        message: '流程引擎暂不可用，请稍后重试 / The workflow engine is unavailable; try again shortly',
      };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: 'Internal Server Error', code: 'INTERNAL', message: '服务器内部错误 / Internal server error' };
  }
}

/** What the body parser refused (Nest hands it over as an HttpException whose cause is the parser's error). */
function bodyParserProblem(cause: unknown): Pick<ErrorBody, 'code' | 'message' | 'messageZh' | 'messageEn'> | null {
  if (cause instanceof SyntaxError) {
    return bilingual('MALFORMED_JSON', '请求内容不是合法的 JSON', `The request body is not valid JSON: ${cause.message}`);
  }
  if (typeof cause !== 'object' || cause === null || !('type' in cause)) return null;
  if (cause.type === 'entity.too.large') {
    const limit = 'limit' in cause && typeof cause.limit === 'number' ? cause.limit : null;
    return bilingual('PAYLOAD_TOO_LARGE', `请求内容过大（上限 ${limit ?? '?'} 字节）`, `The request body is too large (limit ${limit ?? '?'} bytes)`);
  }
  return null;
}

function bilingual(code: string, zh: string, en: string): Pick<ErrorBody, 'code' | 'message' | 'messageZh' | 'messageEn'> {
  return { code, message: `${zh} / ${en}`, messageZh: zh, messageEn: en };
}
