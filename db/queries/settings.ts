import { eq } from 'drizzle-orm';
import { db } from '../client';
import { settings } from '../schema';
import { recordAudit } from './audit';

/** The stored document for one settings area, or {} when none was saved yet. */
export async function readSettings(key: string): Promise<Record<string, unknown>> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).limit(1);
  return row?.value ?? {};
}

/** Replaces one settings area's document (already validated by its schema) and records who did it (and, in `detail`, what changed). */
export async function writeSettings(
  key: string,
  value: Record<string, unknown>,
  actor: { id: string; name: string },
  detail: Record<string, unknown> = {},
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(settings)
      .values({ key, value, updatedBy: actor.id, updatedAt: new Date() })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy: actor.id, updatedAt: new Date() } });
    await recordAudit({ actor, action: 'settings.change', objectType: 'settings', objectId: key, detail }, tx);
  });
}
