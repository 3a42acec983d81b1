import pg from 'pg';

/** Whether a process of this machine still runs. */
export function processRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A new, empty PostgreSQL database next to baseUrl's (same server and credentials), named
 * `masthead_<purpose>_<time>_<pid>`, for a run that must not share rows with anything (the e2e
 * server, benches, the fault test). Databases of the same purpose left by runs that were killed
 * before they could drop theirs (their pid is gone) are dropped first.
 */
export async function freshDatabase(baseUrl: string, purpose: string): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  if (!/^[a-z0-9]+$/.test(purpose)) throw new Error(`freshDatabase: purpose must be lower-case letters and digits, not ${JSON.stringify(purpose)}`);
  const prefix = `masthead_${purpose}_`;
  const name = `${prefix}${Date.now().toString(36)}_${process.pid}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where starts_with(datname, $1)`, [prefix]);
    for (const { datname } of rows) {
      const pid = Number(datname.split('_').at(-1));
      if (Number.isInteger(pid) && !processRunning(pid)) await admin.query(`drop database if exists ${pg.escapeIdentifier(datname)} with (force)`).catch(() => {});
    }
    await admin.query(`create database ${pg.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`).catch(() => {});
      await client.end();
    },
  };
}
