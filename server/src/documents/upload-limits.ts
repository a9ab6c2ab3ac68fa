import type { EntityManager } from 'typeorm';
import { MoreThan } from 'typeorm';
import type { Deps } from '../deps.js';
import { payloadTooLarge, tooManyRequests } from '../http/errors.js';
import { HOUR } from '../shared/clock.js';
import { DocumentEntity, DocumentUploadEntity } from './document.entity.js';
import type { Uploader } from './document-store.js';

/**
 * UP-7: a quota per vault (VAULT_QUOTA_BYTES, papers in the trash included until purged, uploads
 * in flight included) and a rate of uploads per person (beneficiary or staff member) per hour.
 */
export const UPLOADS_PER_HOUR = 60;
/** A pending reservation older than this is an upload a crash interrupted: its bytes no longer count. */
export const RESERVATION_TTL_MS = HOUR;

const inMegabytes = (bytes: number) => Math.max(1, Math.round(bytes / (1024 * 1024)));

export const quotaExceeded = (quota: number) =>
  payloadTooLarge(
    'quota_exceeded',
    `Votre coffre-fort est plein (${inMegabytes(quota)} Mo). Videz la corbeille ou supprimez des documents dont vous n'avez plus besoin, puis réessayez.`,
    { quotaBytes: quota },
  );

export const uploadRateExceeded = (retryAfterSeconds: number) =>
  tooManyRequests(
    'upload_rate_exceeded',
    `Vous avez envoyé beaucoup de documents en peu de temps (${UPLOADS_PER_HOUR} par heure au plus). Réessayez dans ${Math.ceil(retryAfterSeconds / 60)} minutes.`,
    retryAfterSeconds,
  );

/** Bytes a vault holds (stored plaintext sizes) plus the uploads in flight, except `exceptUploadId`. */
export async function vaultUsage(
  em: EntityManager,
  deps: Pick<Deps, 'clock'>,
  beneficiaryId: string,
  exceptUploadId?: string,
): Promise<number> {
  const stored = await em
    .getRepository(DocumentEntity)
    .createQueryBuilder('d')
    .select('COALESCE(SUM(d.sizeBytes + d.thumbnailBytes), 0)', 'total')
    .where('d.beneficiaryId = :beneficiaryId', { beneficiaryId })
    .getRawOne<{ total: string | number }>();
  const since = new Date(deps.clock.now().getTime() - RESERVATION_TTL_MS);
  const pending = await em
    .getRepository(DocumentUploadEntity)
    .createQueryBuilder('u')
    .select('COALESCE(SUM(u.bytes), 0)', 'total')
    .where('u.beneficiaryId = :beneficiaryId AND u.status = :pending AND u.createdAt > :since', {
      beneficiaryId,
      pending: 'pending',
      since,
    })
    .andWhere(exceptUploadId ? 'u.id <> :exceptUploadId' : '1 = 1', { exceptUploadId })
    .getRawOne<{ total: string | number }>();
  return Number(stored?.total ?? 0) + Number(pending?.total ?? 0);
}

/**
 * The vault quota binds what the owner uploads. Staff deposits are not held to it: where a deposit
 * started to fail would tell the referent how many bytes of private papers the vault holds
 * (AUTHZ-3); deposits are bounded by the per-file cap and the upload rate instead.
 */
export async function assertQuota(
  em: EntityManager,
  deps: Pick<Deps, 'clock' | 'config'>,
  beneficiaryId: string,
  uploader: Uploader,
  incomingBytes: number,
  exceptUploadId?: string,
): Promise<void> {
  if (uploader.kind === 'staff') return;
  const used = await vaultUsage(em, deps, beneficiaryId, exceptUploadId);
  if (used + incomingBytes > deps.config.VAULT_QUOTA_BYTES) throw quotaExceeded(deps.config.VAULT_QUOTA_BYTES);
}

/** Throws 429 with Retry-After when `actorKey` started UPLOADS_PER_HOUR uploads within the last hour. */
export async function assertUploadRate(em: EntityManager, deps: Pick<Deps, 'clock'>, actorKey: string): Promise<void> {
  const now = deps.clock.now().getTime();
  const recent = await em.getRepository(DocumentUploadEntity).find({
    select: { createdAt: true },
    where: { actorKey, createdAt: MoreThan(new Date(now - HOUR)) },
    order: { createdAt: 'DESC' },
    take: UPLOADS_PER_HOUR,
  });
  if (recent.length < UPLOADS_PER_HOUR) return;
  const oldest = recent[recent.length - 1]!.createdAt.getTime();
  throw uploadRateExceeded(Math.max(1, Math.ceil((oldest + HOUR - now) / 1000)));
}
