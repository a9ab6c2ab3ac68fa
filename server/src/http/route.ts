import type { NextFunction, Request, Response } from 'express';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import { recordAudit, type AuditInput } from '../audit/audit.service.js';
import type { Deps } from '../deps.js';
import { anonymous, type Actor } from '../policies/actor.js';
import { gate, type Action } from '../policies/policies.js';
import { badRequest, forbidden, unauthenticated } from './errors.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** Defaults to application/json when a schema is given. */
  contentType?: string;
}

type Input = z.ZodType | undefined;
type Out<S extends Input> = S extends z.ZodType ? z.output<S> : undefined;

export interface HandlerContext<P, Q, B> {
  actor: Actor;
  params: P;
  query: Q;
  body: B;
  deps: Deps;
  req: Request;
  res: Response;
  /** Appends an audit event for this request (actor and request id filled in) inside `em`'s transaction. */
  audit: (
    em: EntityManager,
    event: Omit<AuditInput, 'actor' | 'requestId'> & { actor?: AuditInput['actor'] },
  ) => Promise<void>;
}

export interface RouteDefinition<P extends Input = Input, Q extends Input = Input, B extends Input = Input> {
  method: HttpMethod;
  /** Express path below `/api`, e.g. `/structures/:structureId`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  /** The named policy guarding this route (AUTHZ-1): required, there is no default. */
  policy: Action;
  params?: P;
  query?: Q;
  body?: B;
  /** Describes a multipart body in the OpenAPI document; the handler parses it itself. */
  multipart?: z.ZodType;
  /** Status of a successful JSON answer. */
  status?: number;
  responses: Record<number, ResponseSpec>;
  handler: (ctx: HandlerContext<Out<P>, Out<Q>, Out<B>>) => Promise<unknown>;
}

/** A route with its input types erased, as the router, the OpenAPI builder and the tests see it. */
export type AnyRoute = Omit<RouteDefinition, 'handler'> & {
  handler: (ctx: HandlerContext<unknown, unknown, unknown>) => Promise<unknown>;
};

export const defineRoute = <P extends Input = undefined, Q extends Input = undefined, B extends Input = undefined>(
  route: RouteDefinition<P, Q, B>,
): AnyRoute => route as unknown as AnyRoute;

/** Marks an Express handler with the policy of the route it serves, so the route-coverage test can check it. */
export const policyOf = Symbol('policy');

function parse(schema: Input, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw badRequest('validation_failed', 'Certaines informations envoyées ne sont pas valides.', {
    errors: result.error.issues.map((i) => ({
      path: [where, ...i.path.map(String)].join('.'),
      message: i.message,
    })),
  });
}

/** Turns a route definition into an Express handler: gate → validate → handler → JSON. */
export function toHandler(route: AnyRoute, deps: Deps) {
  const handler = async (req: Request, res: Response, next: NextFunction) => {
    try {
      const actor = req.actor ?? anonymous;
      const verdict = gate(actor, route.policy);
      if (verdict === 'unauthenticated') throw unauthenticated();
      if (verdict === 'deny') throw forbidden();
      const params = parse(route.params, req.params, 'params');
      const query = parse(route.query, req.query ?? {}, 'query');
      const body = parse(route.body, route.body ? (req.body ?? {}) : undefined, 'body');
      const audit: HandlerContext<unknown, unknown, unknown>['audit'] = (em, event) =>
        recordAudit(em, deps.clock, { actor, requestId: typeof req.id === 'string' ? req.id : null, ...event });
      const result = await route.handler({ actor, params, query, body, deps, req, res, audit });
      if (res.headersSent) return;
      if (result === undefined) res.status(204).end();
      else res.status(route.status ?? 200).json(result);
    } catch (error) {
      next(error);
    }
  };
  return Object.assign(handler, { [policyOf]: route.policy });
}
