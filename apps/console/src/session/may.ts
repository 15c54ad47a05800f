import { mayPerform, type Permission } from '@domain/access-policy';
import type { Role } from './session';

/** Whether the role may use a part of the api: the access policy's own answer, so menu and buttons follow the api's rules. */
export function may(role: Role | undefined, permission: Permission): boolean {
  return role !== undefined && mayPerform(role, permission);
}
