import type { Actor } from '../policies/actor.js';

declare global {
  namespace Express {
    interface Request {
      actor?: Actor;
    }
  }
}
