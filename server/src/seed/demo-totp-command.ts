import { demoStaff } from '@consigne/database/seeds/demo';
import type { Deps } from '../deps.js';
import { currentTotp } from '../staff/totp.js';

/** `demo:totp`: the current codes of the demo accounts, so a developer can log in without an app. */
export async function printDemoTotp(deps: Deps): Promise<number> {
  if (deps.config.NODE_ENV === 'production') {
    console.error('demo:totp is for development only.');
    return 1;
  }
  for (const person of demoStaff) console.log(`${person.email}: ${currentTotp(person.totpSecret, deps.clock.now())}`);
  return 0;
}
