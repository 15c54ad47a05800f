/** A resource the request names does not exist. Mapped to 404 by the error filter. */
export class ResourceNotFoundError extends Error {
  override readonly name = 'ResourceNotFoundError';

  constructor(
    readonly resourceZh: string,
    readonly resourceEn: string,
    readonly id: string,
  ) {
    super(`${resourceZh}不存在：${id} / ${resourceEn} not found: ${id}`);
  }
}

/** The request conflicts with what exists (a duplicate). Mapped to 409 by the error filter. */
export class ResourceConflictError extends Error {
  override readonly name = 'ResourceConflictError';

  constructor(
    readonly code: string,
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(`${messageZh} / ${messageEn}`);
  }
}

/** Input that passed the DTO's shape checks but not the domain's rules. Mapped to 400, naming each field. */
export class InvalidInputError extends Error {
  override readonly name = 'InvalidInputError';

  constructor(readonly errors: readonly { field: string; message: string }[]) {
    super(`请求参数无效 / Invalid request: ${errors.map((error) => `${error.field}: ${error.message}`).join('; ')}`);
  }
}
