import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { db, type Db } from '../client';
import { auditLog, type AuditEntry } from '../schema';

export type Executor = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export const AUDIT_ACTIONS = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_out',
  'article.submit',
  'article.return',
  'article.schedule',
  'article.unschedule',
  'article.publish',
  'article.unpublish',
  'article.trash',
  'article.restore',
  'article.purge',
  'article.revision_restore',
  'article.correction',
  'article.take_over',
  'user.invite',
  'user.join',
  'user.create_admin',
  'user.role_change',
  'user.deactivate',
  'user.reactivate',
  'user.password_reset_link',
  'user.password_reset',
  'user.password_change',
  'user.profile_change',
  'settings.change',
  'donations.export',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditInput {
  actor: { id: string; name: string } | null;
  action: AuditAction;
  objectType?: 'article' | 'user' | 'session' | 'settings' | 'donations';
  objectId?: string;
  /** What changed, in plain values: never a password, token or hash. */
  detail?: Record<string, unknown>;
}

const SECRET_KEYS = /pass|token|secret|hash|cookie/i;

/** Adds an entry to the audit log, in the caller's transaction when given one. */
export async function recordAudit(entry: AuditInput, executor: Executor = db): Promise<void> {
  const detail = Object.fromEntries(Object.entries(entry.detail ?? {}).filter(([key]) => !SECRET_KEYS.test(key)));
  await executor.insert(auditLog).values({
    actorId: entry.actor?.id ?? null,
    actorLabel: entry.actor?.name ?? 'Masthead (automatic)',
    action: entry.action,
    objectType: entry.objectType ?? '',
    objectId: entry.objectId ?? '',
    detail,
  });
}

export interface AuditFilter {
  action?: string;
  actorId?: string;
  objectId?: string;
  from?: Date;
  to?: Date;
  limit?: number;
  offset?: number;
}

function whereOf(filter: AuditFilter): SQL | undefined {
  return and(
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.actorId ? eq(auditLog.actorId, filter.actorId) : undefined,
    filter.objectId ? eq(auditLog.objectId, filter.objectId) : undefined,
    filter.from ? gte(auditLog.at, filter.from) : undefined,
    filter.to ? lt(auditLog.at, filter.to) : undefined,
  );
}

export async function listAuditEntries(filter: AuditFilter = {}): Promise<AuditEntry[]> {
  return db
    .select()
    .from(auditLog)
    .where(whereOf(filter))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(filter.limit ?? 50)
    .offset(filter.offset ?? 0);
}

export async function countAuditEntries(filter: Omit<AuditFilter, 'limit' | 'offset'> = {}): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(whereOf(filter));
  return row.n;
}
