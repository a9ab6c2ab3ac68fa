import type { Actor, StaffRole } from './actor.js';

/**
 * The one place that decides who may attempt what. Every route names one of these actions; the
 * route-level rule answers for the kind of actor, and the record-level checks (`records.ts`)
 * answer for a given record. Anything not listed here is denied.
 */
type Rule = (actor: Actor) => boolean;

const anyone: Rule = () => true;
const signedIn: Rule = (a) => a.kind !== 'anonymous';
const staff: Rule = (a) => a.kind === 'staff';
const beneficiary: Rule = (a) => a.kind === 'beneficiary';
const platformAdmin: Rule = (a) => a.kind === 'staff' && a.platformAdmin;
/** A staff member acting for a structure (`X-Structure-Id`) in which they hold this role. */
const structureRole =
  (role: StaffRole): Rule =>
  (a) =>
    a.kind === 'staff' && a.membership?.role === role;
const either =
  (...rules: Rule[]): Rule =>
  (a) =>
    rules.some((rule) => rule(a));

const referent = structureRole('referent');
const structureAdmin = structureRole('admin');

export const routeRules = {
  'system.read': anyone,
  /** Only answers in the embedded/dev mode, which production refuses to start in. */
  'dev.outbox': anyone,

  // Signing in and out
  'auth.staffLogin': anyone,
  'auth.staffMfa': anyone,
  'auth.invitation': anyone,
  'auth.passwordReset': anyone,
  'auth.smsLogin': anyone,
  'auth.logout': anyone,
  'auth.me': signedIn,
  'self.sessions': signedIn,

  // Structures and their staff
  'structures.list': staff,
  'structures.manage': platformAdmin,
  'structure.settings': structureAdmin,
  'staff.manage': structureAdmin,
  'audit.read': structureAdmin,

  // Beneficiaries, as seen by the referents of a structure that follows them
  'beneficiary.create': referent,
  'beneficiary.read': referent,
  'beneficiary.update': referent,
  'beneficiary.follow': referent,
  'beneficiary.changePhone': referent,
  'beneficiary.unlock': referent,
  'beneficiary.revokeSessions': referent,
  'beneficiary.emergencyCard': either(referent, beneficiary),

  // The beneficiary's own account
  'self.follows': beneficiary,

  // Papers
  'documentTypes.read': either(staff, beneficiary),
  'documentTypes.manage': platformAdmin,
  'vault.owner': beneficiary,
  'vault.referent': referent,
  /** Owner or referent; which documents each sees is decided per record. */
  'document.read': either(beneficiary, referent),
} satisfies Record<string, Rule>;

export type Action = keyof typeof routeRules;

export type GateResult = 'allow' | 'unauthenticated' | 'deny';

export function gate(actor: Actor, action: Action): GateResult {
  const rule: Rule | undefined = routeRules[action];
  if (rule?.(actor)) return 'allow';
  return actor.kind === 'anonymous' ? 'unauthenticated' : 'deny';
}
