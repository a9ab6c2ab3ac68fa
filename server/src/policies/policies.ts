import type { Actor } from './actor.js';

/**
 * The one place that decides who may attempt what. Every route names one of these actions; a
 * route-level rule answers for the kind of actor, and record-level checks (`records.ts`) answer
 * for a given record. Anything not listed here is denied.
 */
type Rule = (actor: Actor) => boolean;

const anyone: Rule = () => true;

export const routeRules = {
  'system.read': anyone,
  /** Only mounted and answering in the embedded/dev mode, which production refuses to start in. */
  'dev.outbox': anyone,
} satisfies Record<string, Rule>;

export type Action = keyof typeof routeRules;

export type GateResult = 'allow' | 'unauthenticated' | 'deny';

export function gate(actor: Actor, action: Action): GateResult {
  const rule: Rule | undefined = routeRules[action];
  if (rule?.(actor)) return 'allow';
  return actor.kind === 'anonymous' ? 'unauthenticated' : 'deny';
}
