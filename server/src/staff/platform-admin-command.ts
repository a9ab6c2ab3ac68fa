import { recordAudit } from '../audit/audit.service.js';
import type { Deps } from '../deps.js';
import { AppError } from '../http/errors.js';
import { invitationLink, invitePlatformAdmin, INVITATION_TTL_MS } from './staff.service.js';
import { HOUR } from '../shared/clock.js';

/**
 * `create-platform-admin --email X [--name Y] [--locale fr|en]` (STAFF-6): there is no default
 * account; the operator makes the first platform admin here and hands over the printed link.
 */
export async function createPlatformAdmin(
  deps: Deps,
  options: Record<string, string | boolean | undefined>,
): Promise<number> {
  const email = typeof options.email === 'string' ? options.email.trim() : '';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) {
    console.error('Usage: create-platform-admin --email admin@example.org [--name "Prénom Nom"] [--locale fr|en]');
    return 2;
  }
  const displayName = typeof options.name === 'string' && options.name.trim() ? options.name.trim() : email;
  const locale = options.locale === 'en' ? 'en' : 'fr';
  try {
    const { member, token } = await deps.db.transaction(async (em) => {
      const invited = await invitePlatformAdmin(em, deps.clock, {
        email,
        displayName: displayName.slice(0, 120),
        locale,
      });
      await recordAudit(em, deps.clock, {
        actor: 'system',
        action: 'staff.invited',
        targetType: 'staff',
        targetId: invited.member.id,
        details: { platformAdmin: true, link: true },
      });
      return invited;
    });
    console.log(
      [
        `Platform admin invited: ${member.email}`,
        `One-time link (valid ${INVITATION_TTL_MS / HOUR} hours): ${invitationLink(deps, token)}`,
        'Open it to choose a password and set up the authenticator app. Running this command again makes a new link.',
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    if (error instanceof AppError && error.status === 409) {
      console.error(`${email} already has an enrolled account: nothing changed.`);
      return 1;
    }
    throw error;
  }
}
