import { ParseEnumPipe, ParseUUIDPipe } from '@nestjs/common';
import { invalidField } from '#domain';

/** A path parameter that must be a UUID; anything else answers 400 naming it. */
export function uuidParam(name: string): ParseUUIDPipe {
  return new ParseUUIDPipe({ exceptionFactory: () => invalidField(name, `${name} 须为 UUID`, `${name} must be a UUID`) });
}

/** A path parameter that must be one of `values`; anything else answers 400 naming it and the values. */
export function enumParam<T extends string>(name: string, values: readonly T[]): ParseEnumPipe<Record<T, T>> {
  const asEnum = Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;
  return new ParseEnumPipe(asEnum, {
    exceptionFactory: () => invalidField(name, `${name} 须为 ${values.join('、')} 之一`, `${name} must be one of ${values.join(', ')}`),
  });
}
