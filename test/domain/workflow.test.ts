import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  availableActions, checkEdit, effectiveStatus, publicationStatus, transition, visibilityEvent, wasLive, WORKFLOW_ACTIONS,
  type WorkflowAction
} from '../../src/domain/workflow.js'
import { ARTICLE_STATUSES, type ArticleStatus } from '../../src/domain/publishing.js'
import { ROLES, type Role } from '../../src/domain/roles.js'

const NOW = new Date('2026-11-26T10:00:00.000Z')
const PAST = '2026-11-25T08:00:00.000Z'
const FUTURE = '2026-11-27T08:00:00.000Z'
const ME = 7
const SOMEONE_ELSE = 8

/**
 * The whole matrix, written out: for each action and starting status, what each kind of user gets.
 * A status is the result; F = forbidden (the role may not); X = impossible from this status.
 * Columns: contributor on own story, contributor on another's, author own, author other's,
 * editor on another's, administrator on another's. Published and scheduled stories have a publication
 * time, the others none; the trashed row is a story binned without a known earlier status (see TRASHED_FROM).
 */
type Outcome = ArticleStatus | 'F' | 'X'
const MATRIX: Record<WorkflowAction, Record<ArticleStatus, [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome]>> = {
  submit: {
    draft: ['pending', 'F', 'pending', 'F', 'pending', 'pending'],
    pending: ['pending', 'F', 'pending', 'F', 'pending', 'pending'],
    scheduled: ['F', 'F', 'X', 'F', 'X', 'X'],
    published: ['F', 'F', 'X', 'F', 'X', 'X'],
    trashed: ['X', 'F', 'X', 'F', 'X', 'X']
  },
  publish: {
    draft: ['F', 'F', 'published', 'F', 'published', 'published'],
    pending: ['F', 'F', 'published', 'F', 'published', 'published'],
    scheduled: ['F', 'F', 'published', 'F', 'published', 'published'],
    published: ['F', 'F', 'published', 'F', 'published', 'published'],
    trashed: ['F', 'F', 'X', 'F', 'X', 'X']
  },
  unpublish: {
    draft: ['F', 'F', 'X', 'F', 'X', 'X'],
    pending: ['F', 'F', 'X', 'F', 'X', 'X'],
    scheduled: ['F', 'F', 'draft', 'F', 'draft', 'draft'],
    published: ['F', 'F', 'draft', 'F', 'draft', 'draft'],
    trashed: ['F', 'F', 'X', 'F', 'X', 'X']
  },
  'to-draft': {
    draft: ['X', 'F', 'X', 'F', 'X', 'X'],
    pending: ['draft', 'F', 'draft', 'F', 'draft', 'draft'],
    scheduled: ['F', 'F', 'X', 'F', 'X', 'X'],
    published: ['F', 'F', 'X', 'F', 'X', 'X'],
    trashed: ['X', 'F', 'X', 'F', 'X', 'X']
  },
  // Contributors bin their own drafts and stories in review, not live ones (WordPress's delete_published_posts).
  trash: {
    draft: ['trashed', 'F', 'trashed', 'F', 'trashed', 'trashed'],
    pending: ['trashed', 'F', 'trashed', 'F', 'trashed', 'trashed'],
    scheduled: ['F', 'F', 'trashed', 'F', 'trashed', 'trashed'],
    published: ['F', 'F', 'trashed', 'F', 'trashed', 'trashed'],
    trashed: ['X', 'F', 'X', 'F', 'X', 'X']
  },
  restore: {
    draft: ['X', 'F', 'X', 'F', 'X', 'X'],
    pending: ['X', 'F', 'X', 'F', 'X', 'X'],
    scheduled: ['F', 'F', 'X', 'F', 'X', 'X'],
    published: ['F', 'F', 'X', 'F', 'X', 'X'],
    trashed: ['draft', 'F', 'draft', 'F', 'draft', 'draft']
  },
  delete: {
    draft: ['X', 'F', 'X', 'F', 'X', 'X'],
    pending: ['X', 'F', 'X', 'F', 'X', 'X'],
    scheduled: ['F', 'F', 'X', 'F', 'X', 'X'],
    published: ['F', 'F', 'X', 'F', 'X', 'X'],
    // Deleting removes the row; the transition reports the status it had.
    trashed: ['trashed', 'F', 'trashed', 'F', 'trashed', 'trashed']
  }
}

/**
 * The bin, by the status a story had before it: trash, restore and delete of a trashed story, same columns.
 * Once live, only those who may bin live stories may restore or delete it (WordPress's map_meta_cap).
 */
const BIN_ACTIONS = ['trash', 'restore', 'delete'] as const
const TRASHED_FROM: Record<'draft' | 'pending' | 'scheduled' | 'published', Record<typeof BIN_ACTIONS[number], [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome]>> = {
  draft: {
    trash: ['X', 'F', 'X', 'F', 'X', 'X'],
    restore: ['draft', 'F', 'draft', 'F', 'draft', 'draft'],
    delete: ['trashed', 'F', 'trashed', 'F', 'trashed', 'trashed']
  },
  pending: {
    trash: ['X', 'F', 'X', 'F', 'X', 'X'],
    restore: ['draft', 'F', 'draft', 'F', 'draft', 'draft'],
    delete: ['trashed', 'F', 'trashed', 'F', 'trashed', 'trashed']
  },
  scheduled: {
    trash: ['F', 'F', 'X', 'F', 'X', 'X'],
    restore: ['F', 'F', 'draft', 'F', 'draft', 'draft'],
    delete: ['F', 'F', 'trashed', 'F', 'trashed', 'trashed']
  },
  published: {
    trash: ['F', 'F', 'X', 'F', 'X', 'X'],
    restore: ['F', 'F', 'draft', 'F', 'draft', 'draft'],
    delete: ['F', 'F', 'trashed', 'F', 'trashed', 'trashed']
  }
}

const COLUMNS: { role: Role, own: boolean, label: string }[] = [
  { role: 'contributor', own: true, label: 'a contributor on their own story' },
  { role: 'contributor', own: false, label: 'a contributor on someone else’s story' },
  { role: 'author', own: true, label: 'an author on their own story' },
  { role: 'author', own: false, label: 'an author on someone else’s story' },
  { role: 'editor', own: false, label: 'an editor on someone else’s story' },
  { role: 'administrator', own: false, label: 'an administrator on someone else’s story' }
]

describe('the workflow state machine', () => {
  for (const action of WORKFLOW_ACTIONS) {
    for (const status of ARTICLE_STATUSES) {
      COLUMNS.forEach(({ role, own, label }, column) => {
        const expected = MATRIX[action][status][column]!
        const verb = expected === 'F' ? 'is refused (role)' : expected === 'X' ? 'is impossible' : `gives ${expected}`
        it(`${action} from ${status}, by ${label}, ${verb}`, () => {
          const publishedAt = status === 'scheduled' ? FUTURE : status === 'published' ? PAST : null
          const result = transition({ status, authorId: own ? ME : SOMEONE_ELSE, publishedAt }, action, { id: ME, role }, { now: NOW })
          if (expected === 'F') assert.deepEqual(result, { ok: false, refusal: 'forbidden' })
          else if (expected === 'X') assert.deepEqual(result, { ok: false, refusal: 'invalid-transition' })
          else {
            assert.equal(result.ok, true)
            if (result.ok) assert.equal(result.status, action === 'publish' && status === 'scheduled' ? 'scheduled' : expected)
          }
        })
      })
    }
  }

  for (const [from, row] of Object.entries(TRASHED_FROM) as [keyof typeof TRASHED_FROM, typeof TRASHED_FROM['draft']][]) {
    for (const action of BIN_ACTIONS) {
      COLUMNS.forEach(({ role, own, label }, column) => {
        const expected = row[action][column]!
        const verb = expected === 'F' ? 'is refused (role)' : expected === 'X' ? 'is impossible' : `gives ${expected}`
        it(`${action} of a story trashed from ${from}, by ${label}, ${verb}`, () => {
          // The time a story had says nothing here once its earlier status is known.
          for (const publishedAt of [null, PAST]) {
            const result = transition({ status: 'trashed', authorId: own ? ME : SOMEONE_ELSE, publishedAt, trashedFrom: from }, action, { id: ME, role }, { now: NOW })
            if (expected === 'F') assert.deepEqual(result, { ok: false, refusal: 'forbidden' })
            else if (expected === 'X') assert.deepEqual(result, { ok: false, refusal: 'invalid-transition' })
            else assert.deepEqual(result, { ok: true, status: expected, publishedAt, trashedFrom: action === 'delete' ? from : null })
          }
        })
      })
    }
  }

  it('treats editors and administrators the same on their own stories as on others’', () => {
    for (const role of ['editor', 'administrator'] as const) {
      for (const action of WORKFLOW_ACTIONS) {
        for (const status of ARTICLE_STATUSES) {
          const article = (authorId: number) => ({ status, authorId, publishedAt: null })
          assert.deepEqual(
            transition(article(ME), action, { id: ME, role }, { now: NOW }),
            transition(article(SOMEONE_ELSE), action, { id: ME, role }, { now: NOW }),
            `${role} ${action} ${status}`
          )
        }
      }
    }
  })

  it('treats a story without an author as someone else’s', () => {
    const orphan = { status: 'draft' as const, authorId: null, publishedAt: null }
    assert.deepEqual(transition(orphan, 'publish', { id: ME, role: 'author' }, { now: NOW }), { ok: false, refusal: 'forbidden' })
    assert.equal(transition(orphan, 'publish', { id: ME, role: 'editor' }, { now: NOW }).ok, true)
  })
})

describe('publishing and scheduling', () => {
  const editor = { id: ME, role: 'editor' as const }
  const draft = { status: 'draft' as const, authorId: ME, publishedAt: null }

  it('publishes now when no time is given and the story never had one', () => {
    assert.deepEqual(transition(draft, 'publish', editor, { now: NOW }), { ok: true, status: 'published', publishedAt: NOW.toISOString(), trashedFrom: null })
  })

  it('schedules when the time is in the future', () => {
    assert.deepEqual(transition(draft, 'publish', editor, { now: NOW, at: FUTURE }), { ok: true, status: 'scheduled', publishedAt: FUTURE, trashedFrom: null })
  })

  it('publishes (back-dated) when the time is in the past', () => {
    assert.deepEqual(transition(draft, 'publish', editor, { now: NOW, at: PAST }), { ok: true, status: 'published', publishedAt: PAST, trashedFrom: null })
  })

  it('publishes at the exact current millisecond rather than scheduling', () => {
    assert.equal(publicationStatus(NOW.toISOString(), NOW), 'published')
    assert.equal(publicationStatus(new Date(NOW.getTime() + 1).toISOString(), NOW), 'scheduled')
  })

  it('puts an unpublished story back at its own time when published again without one', () => {
    const unpublished = { status: 'draft' as const, authorId: ME, publishedAt: PAST }
    assert.deepEqual(transition(unpublished, 'publish', editor, { now: NOW }), { ok: true, status: 'published', publishedAt: PAST, trashedFrom: null })
  })

  it('keeps the time when unpublishing, trashing and restoring; the bin remembers where a story came from', () => {
    const live = { status: 'published' as const, authorId: ME, publishedAt: PAST }
    assert.deepEqual(transition(live, 'unpublish', editor, { now: NOW }), { ok: true, status: 'draft', publishedAt: PAST, trashedFrom: null })
    assert.deepEqual(transition(live, 'trash', editor, { now: NOW }), { ok: true, status: 'trashed', publishedAt: PAST, trashedFrom: 'published' })
    assert.deepEqual(transition({ ...live, status: 'trashed', trashedFrom: 'published' }, 'restore', editor, { now: NOW }), { ok: true, status: 'draft', publishedAt: PAST, trashedFrom: null })
    assert.deepEqual(transition({ ...live, status: 'scheduled', publishedAt: FUTURE }, 'trash', editor, { now: NOW }), { ok: true, status: 'trashed', publishedAt: FUTURE, trashedFrom: 'scheduled' })
    const contributor = { id: ME, role: 'contributor' as const }
    assert.deepEqual(transition({ status: 'pending', authorId: ME, publishedAt: null }, 'trash', contributor, { now: NOW }), { ok: true, status: 'trashed', publishedAt: null, trashedFrom: 'pending' })
  })

  it('counts a scheduled story whose time has come as published', () => {
    assert.equal(effectiveStatus({ status: 'scheduled', publishedAt: FUTURE }, NOW), 'scheduled')
    assert.equal(effectiveStatus({ status: 'scheduled', publishedAt: FUTURE }, new Date(FUTURE)), 'published')
    assert.equal(effectiveStatus({ status: 'draft', publishedAt: PAST }, NOW), 'draft')
  })
})

describe('checkEdit', () => {
  const cases: [Role, boolean, ArticleStatus, boolean | 'forbidden' | 'invalid-transition'][] = [
    ['contributor', true, 'draft', true],
    ['contributor', true, 'pending', true],
    ['contributor', true, 'published', 'forbidden'],
    ['contributor', true, 'scheduled', 'forbidden'],
    ['contributor', false, 'draft', 'forbidden'],
    ['author', true, 'published', true],
    ['author', false, 'draft', 'forbidden'],
    ['editor', false, 'published', true],
    ['editor', false, 'trashed', 'invalid-transition'],
    ['administrator', false, 'scheduled', true]
  ]
  for (const [role, own, status, expected] of cases) {
    it(`${expected === true ? 'lets' : 'does not let'} ${/^[ae]/.test(role) ? 'an' : 'a'} ${role} edit ${own ? 'their own' : 'another’s'} ${status} story`, () => {
      const result = checkEdit({ status, authorId: own ? ME : SOMEONE_ELSE, publishedAt: null }, { id: ME, role })
      assert.deepEqual(result, expected === true ? { ok: true } : { ok: false, refusal: expected })
    })
  }
})

describe('wasLive', () => {
  it('is the status for a story outside the bin, whatever time it carries', () => {
    assert.equal(wasLive({ status: 'published', authorId: ME, publishedAt: PAST }), true)
    assert.equal(wasLive({ status: 'scheduled', authorId: ME, publishedAt: FUTURE }), true)
    // An unpublished story, or a draft with a planned time, is a draft.
    assert.equal(wasLive({ status: 'draft', authorId: ME, publishedAt: PAST, trashedFrom: 'published' }), false)
    assert.equal(wasLive({ status: 'pending', authorId: ME, publishedAt: FUTURE }), false)
  })

  it('is the earlier status for a trashed story, and when that is not known, whether it has a time', () => {
    assert.equal(wasLive({ status: 'trashed', authorId: ME, publishedAt: PAST, trashedFrom: 'draft' }), false)
    assert.equal(wasLive({ status: 'trashed', authorId: ME, publishedAt: null, trashedFrom: 'scheduled' }), true)
    assert.equal(wasLive({ status: 'trashed', authorId: ME, publishedAt: null, trashedFrom: null }), false)
    assert.equal(wasLive({ status: 'trashed', authorId: ME, publishedAt: null }), false)
    // Unknown with a time: perhaps published, so left to those who may bin live stories.
    assert.equal(wasLive({ status: 'trashed', authorId: ME, publishedAt: FUTURE, trashedFrom: null }), true)
    assert.equal(wasLive({ status: 'trashed', authorId: ME, publishedAt: PAST }), true)
    assert.deepEqual(transition({ status: 'trashed', authorId: ME, publishedAt: PAST }, 'restore', { id: ME, role: 'contributor' }, { now: NOW }), { ok: false, refusal: 'forbidden' })
    assert.equal(transition({ status: 'trashed', authorId: ME, publishedAt: PAST }, 'restore', { id: ME, role: 'author' }, { now: NOW }).ok, true)
  })
})

describe('availableActions', () => {
  it('offers a contributor submitting and binning their own draft, and nothing on their published story', () => {
    assert.deepEqual(availableActions({ status: 'draft', authorId: ME, publishedAt: null }, { id: ME, role: 'contributor' }, NOW), ['submit', 'trash'])
    assert.deepEqual(availableActions({ status: 'pending', authorId: ME, publishedAt: null }, { id: ME, role: 'contributor' }, NOW), ['submit', 'to-draft', 'trash'])
    assert.deepEqual(availableActions({ status: 'published', authorId: ME, publishedAt: PAST }, { id: ME, role: 'contributor' }, NOW), [])
    assert.deepEqual(availableActions({ status: 'draft', authorId: SOMEONE_ELSE, publishedAt: null }, { id: ME, role: 'contributor' }, NOW), [])
  })

  it('offers an editor a published story’s unpublish and trash', () => {
    assert.deepEqual(availableActions({ status: 'published', authorId: 1, publishedAt: PAST }, { id: ME, role: 'editor' }, NOW), ['publish', 'unpublish', 'trash'])
  })

  it('offers every role something or nothing consistently with the matrix', () => {
    for (const role of ROLES) {
      for (const trashedFrom of ['draft', 'pending'] as const) {
        assert.deepEqual(availableActions({ status: 'trashed', authorId: ME, publishedAt: null, trashedFrom }, { id: ME, role }, NOW), ['restore', 'delete'], role)
      }
      for (const trashedFrom of ['published', 'scheduled'] as const) {
        const actions = availableActions({ status: 'trashed', authorId: ME, publishedAt: PAST, trashedFrom }, { id: ME, role }, NOW)
        assert.deepEqual(actions, role === 'contributor' ? [] : ['restore', 'delete'], role)
      }
    }
  })
})

describe('visibilityEvent', () => {
  const live = { status: 'published' as const, publishedAt: PAST }
  const waiting = { status: 'scheduled' as const, publishedAt: FUTURE }
  const draft = { status: 'draft' as const, publishedAt: null }

  it('reports a story that became visible as published', () => {
    assert.equal(visibilityEvent(draft, live, NOW), 'article.published')
    assert.equal(visibilityEvent(null, live, NOW), 'article.published')
  })

  it('reports a story that stopped being visible as unpublished', () => {
    assert.equal(visibilityEvent(live, draft, NOW), 'article.unpublished')
    assert.equal(visibilityEvent(live, waiting, NOW), 'article.unpublished')
    assert.equal(visibilityEvent(live, null, NOW), 'article.unpublished')
  })

  it('reports a change to a visible story as updated', () => {
    assert.equal(visibilityEvent(live, live, NOW), 'article.updated')
  })

  it('reports scheduling as an update, so timers can be set, and other hidden changes not at all', () => {
    assert.equal(visibilityEvent(draft, waiting, NOW), 'article.updated')
    assert.equal(visibilityEvent(draft, draft, NOW), null)
    assert.equal(visibilityEvent(draft, { status: 'trashed', publishedAt: PAST }, NOW), null)
  })
})
