import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ARTICLE_STATUSES, type ArticleStatus, type Role } from '@/db/schema';
import { can } from '@/lib/permissions';
import { availableMoves, mayMake, startsFrom, TRANSITIONS, WORKFLOW_ACTIONS, type WorkflowAction } from '@/lib/workflow';

// The editorial workflow as issue 3 states it, written out by hand for every
// kind of person and every status, so that lib/workflow.ts is checked against
// the issue rather than against itself. The integration matrix
// (tests/integration/workflow.test.ts) then checks the server against lib/workflow.ts.

const person = (role: Role) => ({ id: randomUUID(), role });
const owner = person('writer');
const otherWriter = person('writer');
const editor = person('editor');
const admin = person('admin');

type Who = 'writer (own)' | 'writer (other)' | 'editor' | 'admin';
const people: Record<Who, { id: string; role: Role }> = { 'writer (own)': owner, 'writer (other)': otherWriter, editor, admin };

const editorMoves: Record<ArticleStatus, WorkflowAction[]> = {
  draft: ['submit', 'schedule', 'publish', 'trash'],
  in_review: ['return', 'schedule', 'publish', 'trash'],
  scheduled: ['schedule', 'unschedule', 'publish', 'trash'],
  published: ['unpublish'],
  unpublished: ['submit', 'schedule', 'publish', 'trash'],
  trashed: ['restore'],
};

const SPEC: Record<Who, Record<ArticleStatus, WorkflowAction[]>> = {
  // Writers create, edit their own drafts and submit them; they never publish, schedule or purge.
  'writer (own)': {
    draft: ['submit', 'trash'],
    in_review: ['trash'],
    scheduled: [],
    published: [],
    unpublished: ['submit', 'trash'],
    trashed: ['restore'],
  },
  'writer (other)': { draft: [], in_review: [], scheduled: [], published: [], unpublished: [], trashed: [] },
  editor: editorMoves,
  // Admins can do everything, including deleting for good.
  admin: { ...editorMoves, trashed: ['restore', 'purge'] },
};

const cases = (Object.keys(SPEC) as Who[]).flatMap((who) => ARTICLE_STATUSES.map((status) => [who, status, SPEC[who][status]] as const));

describe('the moves each person has on an article', () => {
  it.each(cases)('%s on a %s article: %j', (who, status, moves) => {
    expect(availableMoves(people[who], { authorId: owner.id, status })).toEqual(moves);
  });

  it('covers every action and every status', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...WORKFLOW_ACTIONS].sort());
    expect(cases).toHaveLength(4 * ARTICLE_STATUSES.length);
  });
});

describe('the shape of the lifecycle', () => {
  it('nothing published goes to the trash without being unpublished first', () => {
    expect(startsFrom('trash', 'published')).toBe(false);
  });

  it('only a trashed article can be restored or purged, and restoring makes it a draft', () => {
    for (const status of ARTICLE_STATUSES) {
      expect(startsFrom('restore', status)).toBe(status === 'trashed');
      expect(startsFrom('purge', status)).toBe(status === 'trashed');
    }
    expect(TRANSITIONS.restore.to).toBe('draft');
    expect(TRANSITIONS.purge.to).toBeNull();
  });

  it('every move that reaches readers is an editor’s', () => {
    for (const action of ['publish', 'schedule', 'unpublish', 'unschedule', 'return'] as const) {
      for (const status of ARTICLE_STATUSES) {
        expect(mayMake(action, owner, { authorId: owner.id, status })).toBe(false);
        expect(mayMake(action, editor, { authorId: owner.id, status })).toBe(true);
      }
    }
  });

  it('never offers a writer a move on an article they may not see', () => {
    for (const status of ARTICLE_STATUSES) {
      for (const action of WORKFLOW_ACTIONS) {
        if (mayMake(action, otherWriter, { authorId: owner.id, status })) expect(can.viewArticle(otherWriter, { authorId: owner.id, status })).toBe(true);
      }
    }
  });

  it('decides by the role it is given: a demoted editor loses the editor’s moves at once', () => {
    const demoted = { id: editor.id, role: 'writer' as const };
    expect(availableMoves(demoted, { authorId: owner.id, status: 'draft' })).toEqual([]);
    expect(availableMoves(demoted, { authorId: demoted.id, status: 'draft' })).toEqual(['submit', 'trash']);
  });
});
