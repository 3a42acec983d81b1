import type { TestProject } from 'vitest/node';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../db/embedded';
import { runMigrations } from '../../db/migrate';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

let embedded: EmbeddedDatabase | null = null;

/**
 * Integration tests run against PostgreSQL when DATABASE_URL is set, and
 * otherwise against a fresh in-memory embedded database, through the same
 * `pg` connection code as the app.
 */
export async function setup(project: TestProject) {
  let url = process.env.DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedDatabase({ dataDir: 'memory://' });
    url = embedded.url;
  }
  await runMigrations(url);
  project.provide('databaseUrl', url);
  console.log(`[tests] database: ${embedded ? 'embedded PGlite (in memory)' : url.replace(/:[^:@/]*@/, ':***@')}`);
}

export async function teardown() {
  await embedded?.stop();
}
