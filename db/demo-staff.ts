import type { DemoAuthorKey } from './demo-content';

/** The demo staff. These accounts exist only where the demo seed ran: never in a real newsroom's database. */
export const DEMO_PASSWORD = 'masthead-demo';
export const DEMO_STAFF: Record<DemoAuthorKey, { name: string; email: string; slug: string; bio: string }> = {
  writer: {
    name: 'Ilse Marrow',
    email: 'writer@example.com',
    slug: 'ilse-marrow',
    bio: 'Ilse covers the harbour, the council and anything that floats. Before joining the Ledger she spent six years on a regional daily.',
  },
  editor: {
    name: 'Ben Castellan',
    email: 'editor@example.com',
    slug: 'ben-castellan',
    bio: 'Ben is the Ledger’s news editor. He reads every story twice and the budget papers three times.',
  },
  admin: {
    name: 'Ruth Ambler',
    email: 'admin@example.com',
    slug: 'ruth-ambler',
    bio: 'Ruth founded the Ledger in a spare room above the chandlery and still writes the occasional culture piece.',
  },
};
