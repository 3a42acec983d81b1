import type { Article, ArticleStatus, Role } from '@/db/schema';

// The editorial lifecycle, as data: which move goes from which statuses to
// which, and who may make it. The server checks every move against this table
// (db/queries/workflow.ts); the editor shows only the moves it allows.
//
//   draft ──submit──▶ in_review ──schedule──▶ scheduled ──(time comes)──▶ published ──unpublish──▶ unpublished
//     ▲                  │  return                │ unschedule                ▲
//     └──────────────────┘◀───────────────────────┘       publish (any of draft, in review, scheduled, unpublished)
//   any but published ──trash──▶ trashed ──restore──▶ draft;   trashed ──purge (admin)──▶ gone

export const WORKFLOW_ACTIONS = ['submit', 'return', 'schedule', 'unschedule', 'publish', 'unpublish', 'trash', 'restore', 'purge'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

type Who = 'editor' | 'admin' | 'owner-or-editor';

interface Transition {
  from: readonly ArticleStatus[];
  to: ArticleStatus | null; // null: the article is deleted
  who: Who;
  label: string;
}

export const TRANSITIONS: Record<WorkflowAction, Transition> = {
  submit: { from: ['draft', 'unpublished'], to: 'in_review', who: 'owner-or-editor', label: 'Submit for review' },
  return: { from: ['in_review'], to: 'draft', who: 'editor', label: 'Send back to writer' },
  schedule: { from: ['draft', 'in_review', 'unpublished', 'scheduled'], to: 'scheduled', who: 'editor', label: 'Schedule' },
  unschedule: { from: ['scheduled'], to: 'draft', who: 'editor', label: 'Unschedule' },
  publish: { from: ['draft', 'in_review', 'scheduled', 'unpublished'], to: 'published', who: 'editor', label: 'Publish' },
  unpublish: { from: ['published'], to: 'unpublished', who: 'editor', label: 'Unpublish' },
  trash: { from: ['draft', 'in_review', 'scheduled', 'unpublished'], to: 'trashed', who: 'owner-or-editor', label: 'Move to trash' },
  restore: { from: ['trashed'], to: 'draft', who: 'owner-or-editor', label: 'Restore' },
  purge: { from: ['trashed'], to: null, who: 'admin', label: 'Delete for good' },
};

export const TRASH_RETENTION_DAYS = 30;

const isEditor = (role: Role) => role === 'editor' || role === 'admin';

/** May this person make this move on this article (whatever its current status)? */
export function mayMake(action: WorkflowAction, actor: { id: string; role: Role }, article: Pick<Article, 'authorId' | 'status'>): boolean {
  const { who } = TRANSITIONS[action];
  if (who === 'admin') return actor.role === 'admin';
  if (who === 'editor') return isEditor(actor.role);
  if (isEditor(actor.role)) return true;
  // A writer moves their own work, and only while it is theirs to change.
  if (article.authorId !== actor.id) return false;
  return action === 'restore' || article.status === 'draft' || article.status === 'unpublished' || (action === 'trash' && article.status === 'in_review');
}

/** Does the move start from the article's current status? */
export const startsFrom = (action: WorkflowAction, status: ArticleStatus) => TRANSITIONS[action].from.includes(status);

/** The moves this person can make on this article now, for the editor's buttons. */
export function availableMoves(actor: { id: string; role: Role }, article: Pick<Article, 'authorId' | 'status'>): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => startsFrom(action, article.status) && mayMake(action, actor, article));
}
