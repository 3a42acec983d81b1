import type { ArticleStatus } from '@/db/schema';

export const STATUS_LABEL: Record<ArticleStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
  trashed: 'In trash',
};

export const STATUS_STYLE: Record<ArticleStatus, string> = {
  draft: 'bg-rule text-ink',
  in_review: 'bg-amber-200 text-amber-950',
  scheduled: 'bg-sky-200 text-sky-950',
  published: 'bg-emerald-200 text-emerald-950',
  unpublished: 'bg-stone-300 text-stone-900',
  trashed: 'bg-red-200 text-red-950',
};
