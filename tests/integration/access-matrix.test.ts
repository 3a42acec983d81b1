import { randomUUID } from 'node:crypto';
import { decode, encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getStaffMember, type StaffMember } from '@/db/queries/people';
import type { Role } from '@/db/schema';
import { changedTables, databaseChecksum, useOwnDatabase } from '../helpers/db-checksum';
import { discoverRouteHandlers, discoverServerActions, type DiscoveredAction, type DiscoveredRoute } from '../helpers/discover';
import { makeArticle, makeUser } from '../helpers/factories';
import {
  ACTIONS,
  atLeast,
  callAction,
  DONATIONS_EXPORT_MIN_ROLE,
  UPLOAD_MIN_ROLE,
  wireInput,
  type Access,
  type ActionSpec,
  type Fixtures,
  type Outcome,
  type RouteSpec,
} from '../helpers/rights-table';

// Issue 7, item 2: every server action and route handler, found on disk, called by
// every kind of caller; each answer as the rights table says, and no refused call
// changes a row anywhere in the database (this file has a database of its own).

// What the session cookie says is the one thing chosen here (next-auth verifies the
// signature before lib/session sees it); lib/session, the actions and the database are real.
const cookie = vi.hoisted(() => ({ session: null as { user: Record<string, unknown> } | null }));
vi.mock('@/lib/auth', () => ({
  auth: async () => cookie.session,
  signIn: async () => {},
  signOut: async () => {},
  keepThisSession: async () => {},
  unstable_update: async () => {},
  handlers: {
    GET: async () => new Response('next-auth', { status: 400 }),
    POST: async () => new Response('next-auth', { status: 400 }),
  },
}));
// The sign-in actions' module imports next-auth's error class, which needs Next.js to load.
vi.mock('next-auth', async () => ({ AuthError: (await import('@auth/core/errors')).AuthError }));
const jar = vi.hoisted(() => new Map<string, string>());
vi.mock('next/headers', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/headers')>()),
  headers: async () => new Headers({ origin: 'http://newsroom.test', host: 'newsroom.test' }),
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (options: string | { name: string }) => void jar.delete(typeof options === 'string' ? options : options.name),
  }),
}));
vi.mock('next/cache', async (importOriginal) => ({ ...(await importOriginal<typeof import('next/cache')>()), revalidatePath: () => {} }));
vi.mock('@/lib/mail', () => ({ mailConfigured: () => true, sendMail: async () => ({ sent: true }) }));

const CALLERS = ['anonymous', 'writer', 'editor', 'admin', 'deactivated', 'tampered'] as const;
type Caller = (typeof CALLERS)[number];
const ROLE_OF: Partial<Record<Caller, Role>> = { writer: 'writer', editor: 'editor', admin: 'admin' };

let restore: () => Promise<void>;
let actions: DiscoveredAction[];
let routes: DiscoveredRoute[];
const people = {} as { writer: StaffMember; editor: StaffMember; admin: StaffMember; deactivated: StaffMember; fixtureEditor: StaffMember; otherWriter: StaffMember };

beforeAll(async () => {
  restore = await useOwnDatabase('access');
  [actions, routes] = await Promise.all([discoverServerActions(), discoverRouteHandlers()]);
  people.writer = await makeUser('writer');
  people.editor = await makeUser('editor');
  people.admin = await makeUser('admin');
  // Deactivated while still holding a session cookie that was valid when issued.
  people.deactivated = await makeUser('admin', { active: false });
  people.fixtureEditor = await makeUser('editor');
  people.otherWriter = await makeUser('writer');
  // Something in the feeds, so their build date is the article's and not the clock's (one answer for all callers).
  await makeArticle(people.otherWriter.id, {}, { publish: true });
}, 120_000);
afterAll(async () => {
  await restore?.();
});

/**
 * The session each caller presents. "tampered" is a token lib/session must not accept: it names
 * the admin with a raised role claim, but with a session version the database does not hold
 * (a forged or replayed token), and, on its second form, a person who does not exist.
 */
async function sessionsOf(caller: Caller): Promise<({ user: Record<string, unknown> } | null)[]> {
  const fresh = async (person: StaffMember) => (await getStaffMember(person.id))!;
  switch (caller) {
    case 'anonymous':
      return [null];
    case 'deactivated': {
      const person = await fresh(people.deactivated);
      return [{ user: { id: person.id, sessionVersion: person.sessionVersion } }];
    }
    case 'tampered': {
      const admin = await fresh(people.admin);
      return [
        { user: { id: admin.id, sessionVersion: admin.sessionVersion + 1, role: 'admin' } },
        { user: { id: randomUUID(), sessionVersion: 0, role: 'admin' } },
      ];
    }
    default: {
      const person = await fresh(people[caller]);
      return [{ user: { id: person.id, sessionVersion: person.sessionVersion } }];
    }
  }
}

const fixturesFor = (caller: Caller): Fixtures => ({
  owner: ROLE_OF[caller] ? people[caller as 'writer' | 'editor' | 'admin'] : people.writer,
  editor: people.fixtureEditor,
});

const allowed = (rule: Access, caller: Caller) => rule.access === 'public' || (ROLE_OF[caller] !== undefined && atLeast(ROLE_OF[caller]!, rule.minRole));

/** An answer with its unique parts (ids, references, generated text) taken out, to compare callers' answers. */
const normalised = (outcome: Outcome) =>
  JSON.stringify(outcome.kind === 'threw' ? { threw: String(outcome.error) } : outcome)
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>')
    .replace(/(donor|t)-[0-9a-f]{8}/g, '<unique>');

function describeOutcome(outcome: Outcome): string {
  if (outcome.kind === 'threw') return `threw ${outcome.error instanceof Error ? outcome.error.stack : String(outcome.error)}`;
  return JSON.stringify(outcome).slice(0, 400);
}

/** The refusal every action of this shape gives: its standard failure, never a redirect, never an exception. */
function expectRefused(name: string, spec: ActionSpec, caller: Caller, outcome: Outcome) {
  const where = `${name} as ${caller}: ${describeOutcome(outcome)}`;
  expect(outcome.kind, where).toBe('value');
  const value = (outcome as { value: Record<string, unknown> }).value;
  const verified = ROLE_OF[caller] !== undefined;
  if (spec.shape === 'input') {
    expect(value.ok, where).toBe(false);
    if (verified) expect(['forbidden', 'not_found'], where).toContain(value.code);
    else expect(value.code, where).toBe('unauthenticated');
  } else {
    expect(typeof value.error, where).toBe('string');
    expect(value.saved ?? value.done, where).toBeFalsy();
    if (!verified) expect(value.error, where).toMatch(/not signed in/);
  }
}

function expectAllowed(name: string, spec: ActionSpec, caller: Caller, outcome: Outcome) {
  const where = `${name} as ${caller}: ${describeOutcome(outcome)}`;
  if (outcome.kind === 'redirect') {
    // A success that sends the browser on (the password change reloads the profile page).
    expect(outcome.to, where).not.toMatch(/sign-in|denied/);
    return;
  }
  expect(outcome.kind, where).toBe('value');
  const value = (outcome as { value: Record<string, unknown> }).value;
  if (spec.shape === 'input') expect(value.ok, where).toBe(true);
  else expect(value.saved ?? value.done, where).toBe(true);
}

const cells = { actions: 0, routes: 0, refused: 0, allowed: 0, publicCalls: 0, publicSame: 0, routeRefused: 0, routeAllowed: 0, routePublic: 0, routesNotCalled: 0, ownership: 0 };

describe('discovery', () => {
  it('finds the server actions and route handlers on disk, and every one has a row in the rights table', async () => {
    expect(actions.length).toBeGreaterThanOrEqual(30);
    expect(routes.length).toBeGreaterThanOrEqual(13);
    const withoutRule = actions.map((a) => a.name).filter((name) => !ACTIONS[name]);
    expect(withoutRule, 'server actions with no row in tests/helpers/rights-table.ts: decide who may call them').toEqual([]);
    const routesWithoutRule = routes.map((r) => r.key).filter((key) => !ROUTES[key]);
    expect(routesWithoutRule, 'route handlers with no row in ROUTES: decide who may call them').toEqual([]);
    // Nor rows for things that are gone: the table describes what exists.
    expect(Object.keys(ACTIONS).filter((name) => !actions.some((a) => a.name === name))).toEqual([]);
    expect(Object.keys(ROUTES).filter((key) => !routes.some((r) => r.key === key))).toEqual([]);
  });
});

describe('every server action, called by every kind of caller', () => {
  it('answers as the rights table says, and no refused call changes a row', async () => {
    for (const action of actions) {
      const spec = ACTIONS[action.name];
      if (!spec) continue; // reported by the discovery test
      const publicAnswers = new Map<Caller, string>();
      for (const caller of CALLERS) {
        for (const session of await sessionsOf(caller)) {
          jar.clear();
          const input = wireInput(spec.shape, await spec.valid(fixturesFor(caller)));
          cookie.session = session;
          // Only a call that must leave the database alone needs the whole of it compared.
          const watched = !allowed(spec.rule, caller) || !ROLE_OF[caller];
          const before = watched ? await databaseChecksum() : {};
          const outcome = await callAction(action.fn, spec.shape, input);
          const after = watched ? await databaseChecksum() : {};
          cookie.session = null;
          cells.actions++;
          if (spec.rule.access === 'public') {
            expect(outcome.kind, `${action.name} as ${caller}: ${describeOutcome(outcome)}`).not.toBe('threw');
            cells.publicCalls++;
            // Whoever is signed in, a public action gives everyone the same answer...
            publicAnswers.set(caller, normalised(outcome));
            // ...and a session that does not verify acts for nobody.
            if (!ROLE_OF[caller]) expect(changedTables(before, after), `${action.name} as ${caller} changed rows`).toEqual([]);
            continue;
          }
          if (allowed(spec.rule, caller)) {
            expectAllowed(action.name, spec, caller, outcome);
            cells.allowed++;
          } else {
            expectRefused(action.name, spec, caller, outcome);
            expect(changedTables(before, after), `${action.name} refused to ${caller} but changed rows`).toEqual([]);
            cells.refused++;
          }
        }
      }
      if (spec.rule.access === 'public') {
        const answers = [...publicAnswers.values()];
        expect(new Set(answers).size, `${action.name} answers differently by caller: ${answers.join('\n')}`).toBe(1);
        cells.publicSame++;
      }
    }
  }, 300_000);
});

describe('a tampered session cookie', () => {
  // The matrix's "tampered" caller is a token that decoded but does not match the database.
  // One whose bytes were changed never decodes at all: next-auth then sees no session.
  it('does not decode once any part of it is changed, or when it was made with another secret', async () => {
    const secret = 'access-matrix-secret-'.padEnd(48, 'x');
    const salt = 'authjs.session-token';
    const claims = { uid: people.writer.id, role: 'writer', sv: 0 };
    const token = await encode({ token: claims, secret, salt });
    expect(await decode({ token, secret, salt })).toMatchObject(claims);
    const parts = token.split('.');
    let tried = 0;
    for (let i = 0; i < parts.length; i++) {
      if (parts[i].length === 0) continue;
      const middle = Math.floor(parts[i].length / 2);
      const swapped = parts[i][middle] === 'A' ? 'B' : 'A';
      const altered = parts.map((part, j) => (j === i ? part.slice(0, middle) + swapped + part.slice(middle + 1) : part)).join('.');
      const decoded = await decode({ token: altered, secret, salt }).catch(() => null);
      expect(decoded, `part ${i} altered`).toBeNull();
      tried++;
    }
    expect(tried).toBeGreaterThanOrEqual(4);
    const forged = await encode({ token: { ...claims, role: 'admin' }, secret: 'another-secret-'.padEnd(48, 'y'), salt });
    expect(await decode({ token: forged, secret, salt }).catch(() => null)).toBeNull();
  });
});

describe("another person's article", () => {
  it('gets a writer the same answer as an article that does not exist, from every action that names one', async () => {
    let compared = 0;
    for (const action of actions) {
      const spec = ACTIONS[action.name];
      if (!spec?.articleRefs) continue;
      const theirs = await spec.valid({ owner: people.otherWriter, editor: people.fixtureEditor });
      const missing = { ...theirs, ...Object.fromEntries(spec.articleRefs.map((field) => [field, randomUUID()])) };
      const writer = (await getStaffMember(people.writer.id))!;
      cookie.session = { user: { id: writer.id, sessionVersion: writer.sessionVersion } };
      const before = await databaseChecksum();
      const onTheirs = await callAction(action.fn, spec.shape, wireInput(spec.shape, theirs));
      const onMissing = await callAction(action.fn, spec.shape, wireInput(spec.shape, missing));
      const after = await databaseChecksum();
      cookie.session = null;
      expect(normalised(onTheirs), `${action.name}: another writer's article vs a missing one`).toBe(normalised(onMissing));
      expect(onTheirs).toMatchObject({ kind: 'value', value: { ok: false } });
      expect(changedTables(before, after), `${action.name} changed rows`).toEqual([]);
      compared++;
    }
    cells.ownership = compared;
    expect(compared).toBeGreaterThanOrEqual(14);
  }, 120_000);
});

// Route handlers: staff ones are called for every caller; public ones (by design) give every caller the same answer.
const ORIGIN = 'http://newsroom.test';
let png: Promise<Buffer> | undefined;
const tinyPng = () => (png ??= sharp({ create: { width: 16, height: 16, channels: 3, background: '#446688' } }).png().toBuffer());

const publicRoute = (reason: string, request?: RouteSpec['request'], notCalled?: string): RouteSpec => ({ rule: { access: 'public', reason }, request, notCalled });
const get = (path: string, params?: Record<string, string>) => async () => ({ request: new NextRequest(`${ORIGIN}${path}`), params });

const ROUTES: Record<string, RouteSpec> = {
  'GET /dashboard/donations/export': {
    rule: { access: 'staff', minRole: DONATIONS_EXPORT_MIN_ROLE, source: 'lib/donations/rights.ts mayViewDonations (editors only when allowed)' },
    request: get('/dashboard/donations/export?view=donations'),
  },
  'POST /api/uploads': {
    rule: { access: 'staff', minRole: UPLOAD_MIN_ROLE, source: 'can.uploadImage' },
    request: async () => {
      const form = new FormData();
      form.append('file', new File([new Uint8Array(await tinyPng())], 'harbour.png', { type: 'image/png' }));
      return { request: new NextRequest(`${ORIGIN}/api/uploads`, { method: 'POST', body: form, headers: { origin: ORIGIN, host: 'newsroom.test' } }) };
    },
  },
  'GET /api/auth/[...nextauth]': publicRoute('next-auth’s own endpoints (session, CSRF token, providers)', undefined, 'next-auth’s handlers need a Next.js request; covered end to end (sign-in, throttling, cookies)'),
  'POST /api/auth/[...nextauth]': publicRoute('next-auth’s sign-in and sign-out; the password is the credential, throttled', undefined, 'as GET'),
  'POST /api/stripe/webhook': publicRoute('Stripe calls it; the signature is the credential', async () => ({
    request: new NextRequest(`${ORIGIN}/api/stripe/webhook`, { method: 'POST', body: '{"id":"evt_forged","type":"checkout.session.completed"}', headers: { 'stripe-signature': 't=1,v1=forged' } }),
  })),
  'GET /feed.xml': publicRoute('the reader feed: published articles only', get('/feed.xml')),
  'GET /sitemap.xml': publicRoute('the sitemap index: published articles only', get('/sitemap.xml')),
  'GET /news-sitemap.xml': publicRoute('Google News sitemap: published articles only', get('/news-sitemap.xml')),
  'GET /sitemaps/[file]': publicRoute('sitemap files: published articles only', get('/sitemaps/articles-1.xml', { file: 'articles-1.xml' })),
  'GET /media/[file]': publicRoute('uploaded images, served to readers under random names', get(`/media/${randomUUID()}.jpg`, { file: `${randomUUID()}.jpg` })),
  'GET /sections/[slug]/feed.xml': publicRoute('a section’s feed: published articles only', get('/sections/no-such-section/feed.xml', { slug: 'no-such-section' })),
  'GET /tags/[slug]/feed.xml': publicRoute('a tag’s feed: published articles only', get('/tags/no-such-tag/feed.xml', { slug: 'no-such-tag' })),
  'GET /authors/[slug]/feed.xml': publicRoute('an author’s feed: published articles only', get('/authors/no-such-author/feed.xml', { slug: 'no-such-author' })),
};

describe('every route handler, called by every kind of caller', () => {
  it('answers as the rights table says (401/403 refused, no row changed), and public handlers answer everyone alike', async () => {
    // As in production: the webhook then checks the signature, which a forged event lacks.
    vi.stubEnv('STRIPE_WEBHOOK_SECRET', 'whsec_access_matrix');
    for (const route of routes) {
      const spec = ROUTES[route.key];
      if (!spec) continue; // reported by the discovery test
      if (!spec.request) {
        expect(spec.notCalled, `${route.key}: say why it is not called`).toBeTruthy();
        cells.routesNotCalled++;
        continue;
      }
      const answers = new Set<string>();
      for (const caller of CALLERS) {
        for (const session of await sessionsOf(caller)) {
          const { request, params } = await spec.request();
          cookie.session = session;
          const before = await databaseChecksum();
          let status: number;
          let body: string;
          try {
            const response = await route.handler(request, { params: Promise.resolve(params ?? {}) });
            status = response.status;
            body = await response.text();
          } catch (error) {
            throw new Error(`${route.key} as ${caller} threw: ${error instanceof Error ? error.stack : String(error)}`);
          }
          const after = await databaseChecksum();
          cookie.session = null;
          cells.routes++;
          const where = `${route.key} as ${caller}: ${status} ${body.slice(0, 200)}`;
          expect(status, where).toBeLessThan(500);
          if (spec.rule.access === 'public') {
            answers.add(`${status} ${body.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<uuid>')}`);
            cells.routePublic++;
            if (!ROLE_OF[caller]) expect(changedTables(before, after), where).toEqual([]);
          } else if (allowed(spec.rule, caller)) {
            expect(status, where).toBeLessThan(300);
            cells.routeAllowed++;
          } else {
            expect(status, where).toBe(ROLE_OF[caller] ? 403 : 401);
            expect(changedTables(before, after), `${where}: changed rows`).toEqual([]);
            cells.routeRefused++;
          }
        }
      }
      if (spec.rule.access === 'public') expect(answers.size, `${route.key} answers differently by caller: ${[...answers].join('\n')}`).toBe(1);
    }
    vi.unstubAllEnvs();
  }, 120_000);
});

afterAll(() => {
  console.log(
    `[access-matrix] ${actions?.length ?? 0} server actions, ${routes?.length ?? 0} route handlers, ${CALLERS.length} callers (the tampered one as two tokens). ` +
      `Actions: ${cells.actions} calls — ${cells.allowed} allowed, ${cells.refused} refused with no row changed, ${cells.publicCalls} to ${cells.publicSame} public actions (alike for every caller). ` +
      `Routes: ${cells.routes} calls — ${cells.routeAllowed} allowed, ${cells.routeRefused} refused (401/403) with no row changed, ${cells.routePublic} public (alike for every caller); ${cells.routesNotCalled} not called (next-auth). ` +
      `Another writer's article = a missing one in ${cells.ownership} actions.`,
  );
});
