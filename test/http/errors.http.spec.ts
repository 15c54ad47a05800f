import { describe, expect, it } from '@jest/globals';
import { DriverException } from '@mikro-orm/core';
import { ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { BilingualError, CaseRuleViolation, ERROR_KINDS, invalidField, notFound, type ErrorKind } from '#domain';
import { CASE_OF_A, useHttpTier } from '../support/http-tier.js';

const STATUS: Readonly<Record<ErrorKind, number>> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  too_large: 413,
  unsupported: 415,
  locked: 423,
  rate_limited: 429,
  unavailable: 503,
};

/** One error type, thrown anywhere behind a controller, becomes one shape of answer; its kind decides the status. */
describe('the error model', () => {
  const tier = useHttpTier();

  const answerTo = async (error: unknown) => {
    tier.services.units.get?.mockRejectedValueOnce(error);
    return tier.as('admin').get(`/units/${crypto.randomUUID()}`);
  };

  it.each(ERROR_KINDS)('answers a %s refusal with its status, code and both languages', async (kind) => {
    const answer = await answerTo(new BilingualError(kind, 'SOME_CODE', '中文原因', 'the reason', { details: { retryAfterSeconds: 3 } }));
    expect(answer.status).toBe(STATUS[kind]);
    expect(answer.headers.get('retry-after')).toBe('3');
    expect(answer.body).toMatchObject({
      statusCode: STATUS[kind],
      code: 'SOME_CODE',
      message: '中文原因 / the reason',
      messageZh: '中文原因',
      messageEn: 'the reason',
      retryAfterSeconds: 3,
      requestId: expect.any(String),
    });
  });

  it('groups the messages of each field, and maps case rules by their code', async () => {
    const invalid = await answerTo(
      new BilingualError('invalid', 'VALIDATION_FAILED', '请求参数无效', 'Invalid request', {
        fields: [
          { field: 'a', message: '一' },
          { field: 'b', message: '二' },
          { field: 'a', message: '三' },
        ],
      }),
    );
    expect(invalid.body.errors).toEqual([
      { field: 'a', messages: ['一', '三'] },
      { field: 'b', messages: ['二'] },
    ]);
    expect((await answerTo(invalidField('unitId', '须为 UUID', 'must be a UUID'))).body.errors).toEqual([
      { field: 'unitId', messages: ['须为 UUID / must be a UUID'] },
    ]);
    expect((await answerTo(notFound('单位', 'Unit', 'u1'))).body).toMatchObject({ code: 'NOT_FOUND', messageZh: '单位不存在：u1' });
    expect((await answerTo(new CaseRuleViolation('ROLE_NOT_ALLOWED', '只有联络人可以提交', 'Only the contact may submit'))).status).toBe(403);
    expect((await answerTo(new CaseRuleViolation('FRAMEWORK_UNKNOWN', '没有该版本', 'No such version'))).status).toBe(404);
    expect((await answerTo(new CaseRuleViolation('PLAN_NOT_APPROVED', '方案未通过', 'The plan is not approved'))).status).toBe(409);
  });

  it('answers 400 when Temporal refuses an argument, and 503 when it or the database cannot be reached', async () => {
    const refused = Object.assign(new Error('note too long'), { code: 3, details: 'note too long', metadata: {} });
    expect((await answerTo(new ServiceError('Failed to patch schedule', { cause: refused }))).body).toMatchObject({
      statusCode: 400,
      code: 'REFUSED_BY_WORKFLOW_ENGINE',
    });
    const down = Object.assign(new Error('connect ECONNREFUSED'), { code: 14, details: 'unavailable', metadata: {} });
    const unavailable = await answerTo(new ServiceError('Failed to start workflow', { cause: down }));
    expect(unavailable.body).toMatchObject({
      statusCode: 503,
      code: 'WORKFLOW_ENGINE_UNAVAILABLE',
      messageZh: expect.stringContaining('流程引擎暂不可用'),
      retryAfterSeconds: 2,
    });
    expect(unavailable.headers.get('retry-after')).toBe('2');
    // An Update-with-Start's own failure, rethrown by the client as the raw gRPC error: the case's workflow task is
    // being retried after a timeout, so the enrollment is not refused, only not answered yet.
    const failedTask = Object.assign(new Error('Unable to perform workflow execution update due to Workflow Task in failed state.'), {
      code: 9,
      details: 'Update-with-Start could not be executed.',
      metadata: {},
    });
    expect((await answerTo(failedTask)).body).toMatchObject({ statusCode: 503, code: 'WORKFLOW_ENGINE_UNAVAILABLE', retryAfterSeconds: 2 });
    // A step or an enrollment whose outcome did not come back in time: sent again, it is recorded once.
    const late = await answerTo(new WorkflowUpdateRPCTimeoutOrCancelledError('Workflow update call timeout or cancelled', { cause: new Error('deadline') }));
    expect(late.body).toMatchObject({ statusCode: 503, code: 'WORKFLOW_ENGINE_TIMEOUT', messageZh: expect.stringContaining('流程引擎未能及时答复') });
    expect(late.headers.get('retry-after')).toBe('2');
    // The database restarting under a request: the same, for the database.
    const dropped = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    const restarting = await answerTo(new DriverException(dropped));
    expect(restarting.body).toMatchObject({ statusCode: 503, code: 'DATABASE_UNAVAILABLE', messageZh: '数据库暂不可用，请稍后重试', retryAfterSeconds: 2 });
    expect(restarting.headers.get('retry-after')).toBe('2');
    // A refusal with no time to wait names none.
    expect((await answerTo(notFound('单位', 'Unit', 'u1'))).headers.get('retry-after')).toBeNull();
  });

  it('answers a fault of ours 500 without its details, and Nest’s own refusals in the same shape', async () => {
    const fault = await answerTo(new Error('database password is hunter2'));
    expect(fault.body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      code: 'INTERNAL',
      message: '服务器内部错误 / Internal server error',
      requestId: expect.any(String),
    });
    expect(JSON.stringify(fault.body)).not.toContain('hunter2');
    const unknownRoute = await tier.as('admin').get('/no-such-route');
    expect(unknownRoute).toMatchObject({ status: 404, body: { code: 'HTTP_404', messageZh: '不存在' } });
    const malformed = await fetch(`${tier.url}/cases/${CASE_OF_A}/plan`, {
      method: 'POST',
      headers: { authorization: 'Bearer http-tier-contactOfA', 'content-type': 'application/json' },
      body: '{"summary":',
    });
    expect(await malformed.json()).toMatchObject({ statusCode: 400, code: 'MALFORMED_JSON', messageZh: '请求内容不是合法的 JSON' });
  });
});
