import { afterAll, inject } from 'vitest';
import { closeDb } from '../../db/client';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.DATABASE_POOL_SIZE ??= '4';

afterAll(async () => {
  await closeDb();
});
