import type { z } from 'zod';
import type { staffMemberSchema } from './staff.schemas.js';
import { statusOf, type StaffRow } from './staff.service.js';

export function presentStaffRow({ member, membership }: StaffRow): z.output<typeof staffMemberSchema> {
  return {
    id: member.id,
    email: member.email,
    displayName: member.displayName,
    role: membership.role,
    status: statusOf(member, membership),
    locale: member.locale,
    joinedAt: membership.createdAt.toISOString(),
    deactivatedAt: membership.deactivatedAt?.toISOString() ?? null,
  };
}
