/** Who may act on a case. */
export const ACTOR_ROLES = ['administrator', 'assessor', 'unit_contact', 'jinhua_reviewer', 'auditor', 'system'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export const ACTOR_ROLE_NAMES: Readonly<Record<ActorRole, string>> = {
  administrator: '市纪委管理员 / program-office administrator',
  assessor: '检查组成员 / assessor',
  unit_contact: '示范点联络人 / unit contact',
  jinhua_reviewer: '金华市级审核人 / Jinhua-level reviewer',
  auditor: '审计人员 / auditor',
  system: '系统 / system',
};

export interface Actor {
  readonly id: string;
  readonly role: ActorRole;
}

export const SYSTEM_ACTOR: Actor = { id: 'system', role: 'system' };

export function isActorRole(value: string): value is ActorRole {
  return (ACTOR_ROLES as readonly string[]).includes(value);
}
