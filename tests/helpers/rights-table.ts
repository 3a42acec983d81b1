import { randomUUID } from 'node:crypto';
import { updateArticle, getArticle } from '@/db/queries/articles';
import { listRevisions } from '@/db/queries/revisions';
import { readSettings } from '@/db/queries/settings';
import { transitionArticle } from '@/db/queries/workflow';
import type { StaffMember } from '@/db/queries/people';
import { ROLES, type Article, type ArticleStatus, type Role } from '@/db/schema';
import { mayChangeDonationSettings, mayViewDonations } from '@/lib/donations/rights';
import { can, type Actor } from '@/lib/permissions';
import { DONATION_DEFAULTS, getDonationSettings, settingsToForm } from '@/lib/settings/donations';
import { mergeSiteSettings, SITE_SETTINGS_KEY } from '@/lib/settings/site';
import { mayMake, TRANSITIONS, type WorkflowAction } from '@/lib/workflow';
import { articleFields, doc, draftInput, makeArticle, makeSection, makeUser, paragraph, TEST_PASSWORD, unique } from './factories';

// The rights table of README.md ("Roles and rights") as the tests' expectations:
// for each server action and route handler, who may call it. Where lib/permissions.ts
// (or lib/workflow.ts, lib/donations/rights.ts) decides, the minimum role is read off
// those functions, not written down again. What is listed here is the rule and how
// to build a valid call, never which actions exist: tests/helpers/discover.ts finds
// those, and a discovered action without a row here fails the access test.

export type Access = { access: 'public'; reason: string } | { access: 'staff'; minRole: Role; source: string };

/** How the action is called by its form or its client code. */
export type CallShape =
  | 'input' // authedAction(input): an object from client code
  | 'state+form' // (previousState, formData): a form with useActionState
  | 'form' // (formData): a plain <form action>
  | 'none'; // (): a button

export interface Fixtures {
  /** Who owns the rows the call touches: the caller when on the staff, else a writer. */
  owner: StaffMember;
  /** An editor who is not one of the callers, to move fixture articles along. */
  editor: StaffMember;
}

export interface ActionSpec {
  rule: Access;
  shape: CallShape;
  /** A valid call for this rule, rows made fresh (an allowed call may change them). */
  valid: (fixtures: Fixtures) => Promise<Record<string, unknown>>;
  /** The input fields that name an article (for "another person's article answers like a missing one"). */
  articleRefs?: string[];
}

const RANK: Record<Role, number> = { writer: 0, editor: 1, admin: 2 };
export const atLeast = (role: Role, minimum: Role) => RANK[role] >= RANK[minimum];

/** The lowest role the rule lets through (on the caller's own article, for article rules). */
function lowest(may: (actor: Actor) => boolean): Role {
  const role = ROLES.find((r) => may({ id: 'me', role: r }));
  if (!role) throw new Error('no role may do this: the rights table and lib/permissions.ts disagree');
  return role;
}

const own = (status: ArticleStatus) => ({ authorId: 'me', status });
const staff = (minRole: Role, source: string): Access => ({ access: 'staff', minRole, source });

let section: ReturnType<typeof makeSection> | undefined;
const aSection = () => (section ??= makeSection());

/** An article by `owner`, moved to `status` the way the newsroom would. */
export async function articleIn(status: ArticleStatus, f: Fixtures): Promise<Article> {
  const article = await makeArticle(f.owner.id, { sectionId: (await aSection()).id });
  const move = async (action: WorkflowAction, actor: StaffMember, publishAt?: Date) => {
    const result = await transitionArticle({ id: article.id, action, actor, publishAt });
    if (!result.ok) throw new Error(`fixture ${action}: ${result.reason}`);
  };
  const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
  switch (status) {
    case 'draft':
      break;
    case 'in_review':
      await move('submit', f.owner);
      break;
    case 'scheduled':
      await move('schedule', f.editor, tomorrow);
      break;
    case 'published':
      await move('publish', f.editor);
      break;
    case 'unpublished':
      await move('publish', f.editor);
      await move('unpublish', f.editor);
      break;
    case 'trashed':
      await move('trash', f.editor);
      break;
  }
  return (await getArticle(article.id))!;
}

/** Where each editorial move starts from, for its valid call. */
const MOVE_FROM: Record<WorkflowAction, ArticleStatus> = {
  submit: 'draft',
  return: 'in_review',
  schedule: 'draft',
  unschedule: 'scheduled',
  publish: 'draft',
  unpublish: 'published',
  trash: 'draft',
  restore: 'trashed',
  purge: 'trashed',
};

function moveSpec(action: WorkflowAction): ActionSpec {
  const from = MOVE_FROM[action];
  return {
    rule: staff(
      lowest((actor) => mayMake(action, actor, own(from))),
      `lib/workflow.ts TRANSITIONS.${action}.who = ${TRANSITIONS[action].who}`,
    ),
    shape: 'input',
    articleRefs: ['id'],
    valid: async (f) => {
      const article = await articleIn(from, f);
      return { id: article.id, baseVersion: article.version, ...(action === 'schedule' ? { publishAt: new Date(Date.now() + 48 * 3600 * 1000).toISOString() } : {}) };
    },
  };
}


async function articleWithRevision(f: Fixtures) {
  const article = await articleIn('draft', f);
  const fields = articleFields({ headline: `${article.headline} (revised)`, slug: article.slug, sectionId: article.sectionId, body: doc(paragraph('A second text.')) });
  const result = await updateArticle(article.id, fields, article.version, f.owner.id);
  if (!result.ok) throw new Error(`fixture revision: ${result.reason}`);
  const [revision] = await listRevisions(article.id);
  if (!revision) throw new Error('fixture revision: none kept');
  return { article: result.article, revision };
}

const password = () => `harbour lights ${unique()} at dusk`;

export const ACTIONS: Record<string, ActionSpec> = {
  // Reader and sign-in actions: nobody is signed in to use them, so the caller's session must not matter.
  signInAction: {
    rule: { access: 'public', reason: 'the sign-in form; the password is the credential (throttled, tested in accounts.test.ts)' },
    shape: 'state+form',
    valid: async () => ({ email: 'nobody@example.test', password: TEST_PASSWORD, next: '/dashboard' }),
  },
  signOutAction: {
    rule: { access: 'public', reason: 'signing out; ends the sessions of whoever the verified session names, nobody otherwise' },
    shape: 'none',
    valid: async () => ({}),
  },
  acceptInviteAction: {
    rule: { access: 'public', reason: 'the invitation token is the credential (checked under a lock in acceptInvite)' },
    shape: 'state+form',
    valid: async () => {
      const p = password();
      return { token: randomUUID(), password: p, confirm: p };
    },
  },
  resetPasswordAction: {
    rule: { access: 'public', reason: 'the reset token is the credential (checked under a lock in resetPassword)' },
    shape: 'state+form',
    valid: async () => {
      const p = password();
      return { token: randomUUID(), password: p, confirm: p };
    },
  },
  reviewDonationAction: {
    rule: { access: 'public', reason: 'readers giving money; nothing is charged or stored (a cookie holds the choice)' },
    shape: 'state+form',
    valid: async () => ({ frequency: 'once', currency: 'GBP', amount: 'custom', customAmount: '12', donorName: 'A Reader', donorEmail: 'reader@example.test', note: '' }),
  },
  confirmDonationAction: {
    rule: { access: 'public', reason: 'readers confirming a gift; checked against the gift in their own cookie' },
    shape: 'form',
    valid: async () => ({ ref: randomUUID() }),
  },
  forgetDraftAction: {
    rule: { access: 'public', reason: "forgets the reader's own chosen gift (a cookie)" },
    shape: 'none',
    valid: async () => ({}),
  },
  requestManageLinkAction: {
    rule: { access: 'public', reason: 'emails manage links to the address given; the same answer whether or not it gives' },
    shape: 'state+form',
    valid: async () => ({ email: `${unique('donor')}@example.test` }),
  },
  openBillingPortalAction: {
    rule: { access: 'public', reason: 'the signed manage link is the credential' },
    shape: 'form',
    valid: async () => ({ token: 'not-a-signed-token' }),
  },
  cancelTestGiftAction: {
    rule: { access: 'public', reason: 'the signed manage link is the credential (test gifts only)' },
    shape: 'form',
    valid: async () => ({ token: 'not-a-signed-token' }),
  },

  // The newsroom's actions.
  saveArticleAction: {
    rule: staff(
      lowest((a) => can.createArticle(a) && can.editArticle(a, own('draft'))),
      'can.createArticle, can.editArticle (own draft)',
    ),
    shape: 'input',
    articleRefs: ['id'],
    valid: async (f) => {
      const article = await articleIn('draft', f);
      return draftInput({ id: article.id, baseVersion: article.version, slug: article.slug, slugAuto: false, sectionId: article.sectionId, headline: `${article.headline} (edited)` });
    },
  },
  ...Object.fromEntries(
    (['submit', 'return', 'schedule', 'unschedule', 'publish', 'unpublish', 'trash', 'restore', 'purge'] as const).map((action) => [`${action}ArticleAction`, moveSpec(action)]),
  ),
  addNoteAction: {
    rule: staff(lowest((a) => can.viewArticle(a, own('draft'))), 'can.viewArticle'),
    shape: 'input',
    articleRefs: ['articleId'],
    valid: async (f) => ({ articleId: (await articleIn('draft', f)).id, body: 'Check the second quote with the harbour master.' }),
  },
  editLockAction: {
    rule: staff(lowest((a) => can.editArticle(a, own('draft'))), 'can.editArticle'),
    shape: 'input',
    articleRefs: ['articleId'],
    valid: async (f) => ({ articleId: (await articleIn('draft', f)).id }),
  },
  currentTextAction: {
    rule: staff(lowest((a) => can.viewArticle(a, own('draft'))), 'can.viewArticle'),
    shape: 'input',
    articleRefs: ['articleId'],
    valid: async (f) => ({ articleId: (await articleIn('draft', f)).id }),
  },
  restoreRevisionAction: {
    rule: staff(lowest((a) => can.editArticle(a, own('draft'))), 'can.editArticle'),
    shape: 'input',
    articleRefs: ['articleId', 'revisionId'],
    valid: async (f) => {
      const { article, revision } = await articleWithRevision(f);
      return { articleId: article.id, revisionId: revision.id, baseVersion: article.version };
    },
  },
  addCorrectionAction: {
    // Corrections change what readers were told: editors and admins (README, "Roles and rights").
    rule: staff(lowest((a) => can.publishArticle(a)), 'README: corrections are an editor’s, like publishing (can.publishArticle)'),
    shape: 'input',
    articleRefs: ['articleId'],
    valid: async (f) => ({ articleId: (await articleIn('published', f)).id, kind: 'correction', body: 'An earlier version gave the wrong date for the vote.' }),
  },
  updateProfileAction: {
    rule: staff('writer', 'everyone on the staff edits their own byline'),
    shape: 'input',
    valid: async () => ({ name: `Renamed ${unique()}`, bio: 'Covers the harbour.', avatarImageId: null }),
  },
  changePasswordAction: {
    rule: staff('writer', 'everyone on the staff changes their own password'),
    shape: 'input',
    valid: async () => {
      const p = password();
      return { current: TEST_PASSWORD, password: p, confirm: p };
    },
  },
  updateSiteSettingsAction: {
    rule: staff(lowest((a) => can.manageSettings(a)), 'can.manageSettings'),
    shape: 'input',
    valid: async () => {
      const current = mergeSiteSettings(await readSettings(SITE_SETTINGS_KEY));
      return { name: current.name, tagline: `Tagline ${unique()}`, logoImageId: null, timeZone: current.timeZone, supportText: current.supportText, sectionOrder: [] };
    },
  },
  saveDonationSettingsAction: {
    rule: staff(lowest((a) => mayChangeDonationSettings(a)), 'lib/donations/rights.ts mayChangeDonationSettings'),
    shape: 'state+form',
    valid: async () => ({ ...settingsToForm(await getDonationSettings()), appealReshowDays: String(1 + Math.floor(Math.random() * 20)) }),
  },
  inviteAction: {
    rule: staff('admin', 'README: people are managed by admins'),
    shape: 'input',
    valid: async () => ({ name: 'New Reporter', email: `${unique('invitee')}@example.test`, role: 'writer' }),
  },
  changeRoleAction: {
    rule: staff('admin', 'README: people are managed by admins'),
    shape: 'input',
    valid: async () => ({ userId: (await makeUser('writer')).id, role: 'editor' }),
  },
  setActiveAction: {
    rule: staff('admin', 'README: people are managed by admins'),
    shape: 'input',
    valid: async () => ({ userId: (await makeUser('writer')).id, active: false }),
  },
  passwordResetLinkAction: {
    rule: staff('admin', 'README: people are managed by admins'),
    shape: 'input',
    valid: async () => ({ userId: (await makeUser('writer')).id }),
  },
};

export interface RouteSpec {
  rule: Access;
  /** Builds the request and the route's params for a valid call; absent when the handler cannot run outside Next. */
  request?: () => Promise<{ request: Request; params?: Record<string, string> }>;
  /** Why it is not called here, when `request` is absent. */
  notCalled?: string;
}

export const DONATIONS_EXPORT_MIN_ROLE = lowest((a) => mayViewDonations(a, DONATION_DEFAULTS));
export const UPLOAD_MIN_ROLE = lowest((a) => can.uploadImage(a));

/** What a call came to: a value, a Next.js redirect (a 303 to the browser), or an exception (a 500). */
export type Outcome = { kind: 'value'; value: unknown } | { kind: 'redirect'; to: string } | { kind: 'threw'; error: unknown };

/** A form's fields as the browser would post them (lists as repeated fields; Files and Blobs kept). */
export function toFormData(fields: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) form.append(key, item instanceof Blob ? item : String(item));
  }
  return form;
}

export async function callAction(fn: (...args: unknown[]) => Promise<unknown>, shape: CallShape, input: unknown): Promise<Outcome> {
  try {
    const args = shape === 'input' || shape === 'form' ? [input] : shape === 'state+form' ? [{}, input] : [];
    return { kind: 'value', value: await fn(...args) };
  } catch (error) {
    const digest = String((error as { digest?: unknown } | null)?.digest ?? '');
    if (digest.startsWith('NEXT_REDIRECT')) return { kind: 'redirect', to: digest.split(';')[2] };
    return { kind: 'threw', error };
  }
}

/** The call's input in the form its shape takes on the wire. */
export const wireInput = (shape: CallShape, fields: Record<string, unknown>) => (shape === 'input' ? fields : shape === 'none' ? undefined : toFormData(fields));
