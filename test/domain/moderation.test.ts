import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  commentsAreOpen, findListedWord, moderationTransition, moderationVerdict, threadDepthLimit,
  type CommentCandidate, type ModerationRules
} from '../../src/domain/moderation.js'
import type { CommentStatus } from '../../src/db/tables/comments.table.js'

const NOW = new Date('2026-11-26T10:00:00.000Z')
const shownAt = (secondsAgo: number) => new Date(NOW.getTime() - secondsAgo * 1000)

const candidate = (over: Partial<CommentCandidate> = {}): CommentCandidate => ({
  authorName: 'Ani Reader', authorEmail: 'ani@example.org', authorUrl: '', body: 'A thoughtful reply about the budget.',
  ip: '198.51.100.7', userAgent: 'Mozilla/5.0 (X11; Linux x86_64)', honeypot: '', renderedAt: shownAt(120), ...over
})
/** Every rule off: a clean comment is approved. */
const OPEN: ModerationRules = { commentModeration: false, commentPreviouslyApproved: false, commentMaxLinks: 0, commentModerationWords: [], commentDisallowedWords: [] }
const rules = (over: Partial<ModerationRules> = {}): ModerationRules => ({ ...OPEN, ...over })
const KNOWN = { hasApprovedComment: true }
const NEW = { hasApprovedComment: false }
const codes = (o: { reasons: { code: string }[] }) => o.reasons.map((r) => r.code)

describe('moderationVerdict', () => {
  it('approves a clean comment when no rule applies', () => {
    assert.deepEqual(moderationVerdict(candidate(), NEW, OPEN, NOW), { verdict: 'approve', reasons: [] })
  })

  describe('manual approval', () => {
    it('holds every comment, even from a known commenter', () => {
      const o = moderationVerdict(candidate(), KNOWN, rules({ commentModeration: true, commentPreviouslyApproved: true }), NOW)
      assert.equal(o.verdict, 'hold')
      assert.deepEqual(codes(o), ['manual-approval'])
    })
  })

  describe('previously approved commenter', () => {
    it('holds a first-time commenter', () => {
      const o = moderationVerdict(candidate(), NEW, rules({ commentPreviouslyApproved: true }), NOW)
      assert.deepEqual([o.verdict, codes(o)], ['hold', ['not-previously-approved']])
    })
    it('approves a commenter with an approved comment under the same name and email', () => {
      assert.equal(moderationVerdict(candidate(), KNOWN, rules({ commentPreviouslyApproved: true }), NOW).verdict, 'approve')
    })
    it('does not trust an empty name or email, as WordPress does not', () => {
      assert.equal(moderationVerdict(candidate({ authorEmail: '' }), KNOWN, rules({ commentPreviouslyApproved: true }), NOW).verdict, 'hold')
    })
  })

  describe('links', () => {
    it('holds a comment with as many links as the limit', () => {
      const o = moderationVerdict(candidate({ body: 'See http://a.example and https://b.example for more.' }), NEW, rules({ commentMaxLinks: 2 }), NOW)
      assert.deepEqual([o.verdict, o.reasons], ['hold', [{ code: 'too-many-links', detail: '2' }]])
    })
    it('approves one link under a limit of two', () => {
      assert.equal(moderationVerdict(candidate({ body: 'Source: https://a.example/report' }), NEW, rules({ commentMaxLinks: 2 }), NOW).verdict, 'approve')
    })
    it('counts links as WordPress does (every "//") and bare www. addresses', () => {
      const o = moderationVerdict(candidate({ body: 'www.one.example and //two.example' }), NEW, rules({ commentMaxLinks: 2 }), NOW)
      assert.equal(o.verdict, 'hold')
    })
    it('a limit of 0 turns the rule off', () => {
      assert.equal(moderationVerdict(candidate({ body: 'http://a.example http://b.example' }), NEW, rules({ commentMaxLinks: 0 }), NOW).verdict, 'approve')
    })
  })

  describe('moderation words', () => {
    const fields: [keyof CommentCandidate, string, string][] = [
      ['body', 'Visit the casino tonight', 'content'],
      ['authorName', 'Casino Bob', 'name'],
      ['authorUrl', 'https://casino.example', 'url'],
      ['authorEmail', 'bob@casino.example', 'email'],
      ['ip', '203.0.113.99', 'ip'],
      ['userAgent', 'CasinoBot/1.0', 'user agent']
    ]
    for (const [key, value, field] of fields) {
      it(`hold a comment when the ${field} matches`, () => {
        const words = field === 'ip' ? ['203.0.113.'] : ['casino']
        const o = moderationVerdict(candidate({ [key]: value }), NEW, rules({ commentModerationWords: words }), NOW)
        assert.deepEqual([o.verdict, o.reasons], ['hold', [{ code: 'moderation-word', detail: words[0], field }]])
      })
    }
    it('match inside words and ignore case, including in Cyrillic', () => {
      assert.equal(moderationVerdict(candidate({ body: 'Their PRESSURE grows' }), NEW, rules({ commentModerationWords: ['press'] }), NOW).verdict, 'hold')
      assert.equal(moderationVerdict(candidate({ body: 'Это КАЗИНО!' }), NEW, rules({ commentModerationWords: ['казино'] }), NOW).verdict, 'hold')
    })
    it('skip blank lines and trim words', () => {
      assert.equal(moderationVerdict(candidate(), NEW, rules({ commentModerationWords: ['', '   ', '\t'] }), NOW).verdict, 'approve')
      assert.equal(moderationVerdict(candidate({ body: 'cheap pills' }), NEW, rules({ commentModerationWords: ['  pills  '] }), NOW).verdict, 'hold')
    })
    it('treat regular-expression characters literally', () => {
      assert.equal(moderationVerdict(candidate({ body: 'a plain sentence' }), NEW, rules({ commentModerationWords: ['.*', '[a-z]', 'a+?'] }), NOW).verdict, 'approve')
      assert.equal(moderationVerdict(candidate({ body: 'price: $5 (today)' }), NEW, rules({ commentModerationWords: ['$5 ('] }), NOW).verdict, 'hold')
    })
    it('see through tags in the content', () => {
      assert.equal(moderationVerdict(candidate({ body: 'play <b>ca</b>sino' }), NEW, rules({ commentModerationWords: ['casino'] }), NOW).verdict, 'hold')
    })
  })

  describe('disallowed words', () => {
    it('send the comment to the trash, whatever field matched', () => {
      const o = moderationVerdict(candidate({ authorEmail: 'x@spam-domain.example' }), KNOWN, rules({ commentDisallowedWords: ['spam-domain'] }), NOW)
      assert.deepEqual([o.verdict, o.reasons], ['trash', [{ code: 'disallowed-word', detail: 'spam-domain', field: 'email' }]])
    })
    it('win over spam signals and hold rules, and every reason is still listed', () => {
      const o = moderationVerdict(candidate({ body: 'buy viagra http://a.example http://b.example', honeypot: 'x' }), NEW,
        rules({ commentDisallowedWords: ['viagra'], commentModeration: true, commentMaxLinks: 2 }), NOW)
      assert.equal(o.verdict, 'trash')
      assert.deepEqual(codes(o), ['disallowed-word', 'honeypot', 'manual-approval', 'too-many-links'])
    })
  })

  describe('spam defence', () => {
    it('marks a filled honeypot as spam', () => {
      assert.deepEqual(codes(moderationVerdict(candidate({ honeypot: 'Hello' }), KNOWN, OPEN, NOW)), ['honeypot'])
      assert.equal(moderationVerdict(candidate({ honeypot: 'Hello' }), KNOWN, OPEN, NOW).verdict, 'spam')
    })
    it('marks a comment sent under 5 seconds after the form was shown as spam', () => {
      const o = moderationVerdict(candidate({ renderedAt: shownAt(3) }), KNOWN, OPEN, NOW)
      assert.deepEqual([o.verdict, o.reasons], ['spam', [{ code: 'too-fast', detail: '3' }]])
      assert.equal(moderationVerdict(candidate({ renderedAt: shownAt(5) }), KNOWN, OPEN, NOW).verdict, 'approve')
    })
    it('marks a token "issued" in the future (rounded up) as too fast, not as an error', () => {
      assert.equal(moderationVerdict(candidate({ renderedAt: new Date(NOW.getTime() + 4000) }), KNOWN, OPEN, NOW).reasons[0]!.detail, '0')
    })
    it('marks a forged token as spam', () => {
      assert.deepEqual(codes(moderationVerdict(candidate({ renderedAt: 'forged' }), KNOWN, OPEN, NOW)), ['forged-timing-token'])
    })
    it('holds, but never marks as spam, a comment without a token (no JavaScript)', () => {
      const o = moderationVerdict(candidate({ renderedAt: 'missing' }), KNOWN, OPEN, NOW)
      assert.deepEqual([o.verdict, codes(o)], ['hold', ['no-timing-token']])
    })
    it('holds a comment whose page was shown more than a day ago', () => {
      const o = moderationVerdict(candidate({ renderedAt: shownAt(25 * 3600) }), KNOWN, OPEN, NOW)
      assert.deepEqual([o.verdict, o.reasons], ['hold', [{ code: 'stale-timing-token', detail: '25' }]])
    })
    it('holds a comment from a client that sent no user agent', () => {
      assert.deepEqual(codes(moderationVerdict(candidate({ userAgent: '' }), KNOWN, OPEN, NOW)), ['no-user-agent'])
    })
    it('marks a comment that is mostly links as spam, even from a known commenter', () => {
      const body = 'https://a.example/x https://b.example/y https://c.example/z wow'
      const o = moderationVerdict(candidate({ body }), KNOWN, OPEN, NOW)
      assert.deepEqual([o.verdict, codes(o)], ['spam', ['link-density']])
    })
    it('lets a long comment with three sources through the density rule (the link limit may still hold it)', () => {
      const body = 'The ministry published the figures on Monday (https://a.example/report), the opposition answered on Tuesday (https://b.example/reply), and the central bank commented later in the week in a long note that is worth reading in full: https://c.example/note'
      assert.equal(moderationVerdict(candidate({ body }), KNOWN, OPEN, NOW).verdict, 'approve')
      assert.equal(moderationVerdict(candidate({ body }), KNOWN, rules({ commentMaxLinks: 2 }), NOW).verdict, 'hold')
    })
    it('marks forum [url] markup and a web address as the name as spam', () => {
      assert.deepEqual(codes(moderationVerdict(candidate({ body: 'nice [url=http://x.example]pills[/url]' }), KNOWN, OPEN, NOW)), ['bbcode-link'])
      assert.deepEqual(codes(moderationVerdict(candidate({ authorName: 'Cheap pills https://x.example' }), KNOWN, OPEN, NOW)), ['link-in-name'])
    })
    it('spam wins over hold, and the hold reasons stay listed', () => {
      const o = moderationVerdict(candidate({ honeypot: 'x', renderedAt: 'missing' }), NEW, rules({ commentModeration: true }), NOW)
      assert.deepEqual([o.verdict, codes(o)], ['spam', ['honeypot', 'no-timing-token', 'manual-approval']])
    })
  })

  it('combines hold rules: every one that fired is a reason', () => {
    const o = moderationVerdict(candidate({ body: 'casino http://a.example http://b.example', renderedAt: 'missing' }), NEW,
      rules({ commentModeration: true, commentPreviouslyApproved: true, commentMaxLinks: 2, commentModerationWords: ['casino'] }), NOW)
    assert.equal(o.verdict, 'hold')
    assert.deepEqual(codes(o), ['no-timing-token', 'manual-approval', 'too-many-links', 'moderation-word', 'not-previously-approved'])
  })
})

describe('findListedWord', () => {
  it('returns the first listed word found and the field it was found in', () => {
    assert.deepEqual(findListedWord(['absent', 'reader'], candidate()), { word: 'reader', field: 'name' })
    assert.equal(findListedWord([], candidate()), null)
  })
})

describe('moderationTransition', () => {
  const from = (status: CommentStatus, previousStatus: CommentStatus | null = null) => ({ status, previousStatus })
  it('approves from pending, spam and trash, never twice', () => {
    for (const s of ['pending', 'spam', 'trash'] as const) assert.deepEqual(moderationTransition(from(s), 'approve'), { ok: true, status: 'approved', previousStatus: null })
    assert.deepEqual(moderationTransition(from('approved'), 'approve'), { ok: false })
  })
  it('unapproves only an approved comment', () => {
    assert.deepEqual(moderationTransition(from('approved'), 'unapprove'), { ok: true, status: 'pending', previousStatus: null })
    assert.deepEqual(moderationTransition(from('pending'), 'unapprove'), { ok: false })
  })
  it('spam and trash remember where the comment was; not-spam and restore go back there', () => {
    assert.deepEqual(moderationTransition(from('approved'), 'spam'), { ok: true, status: 'spam', previousStatus: 'approved' })
    assert.deepEqual(moderationTransition(from('spam', 'approved'), 'not-spam'), { ok: true, status: 'approved', previousStatus: null })
    assert.deepEqual(moderationTransition(from('pending'), 'trash'), { ok: true, status: 'trash', previousStatus: 'pending' })
    assert.deepEqual(moderationTransition(from('trash', 'pending'), 'restore'), { ok: true, status: 'pending', previousStatus: null })
  })
  it('sends a comment marked spam on arrival to pending on "not spam"', () => {
    assert.deepEqual(moderationTransition(from('spam', null), 'not-spam'), { ok: true, status: 'pending', previousStatus: null })
  })
  it('restores a trashed spam comment to spam, and keeps the older status when trash is marked spam', () => {
    assert.deepEqual(moderationTransition(from('trash', 'spam'), 'restore'), { ok: true, status: 'spam', previousStatus: null })
    assert.deepEqual(moderationTransition(from('trash', 'approved'), 'spam'), { ok: true, status: 'spam', previousStatus: 'approved' })
  })
  it('deletes for good only from spam or trash', () => {
    assert.deepEqual(moderationTransition(from('trash'), 'delete'), { ok: true, status: 'deleted', previousStatus: null })
    assert.deepEqual(moderationTransition(from('spam'), 'delete'), { ok: true, status: 'deleted', previousStatus: null })
    assert.deepEqual(moderationTransition(from('approved'), 'delete'), { ok: false })
    assert.deepEqual(moderationTransition(from('pending'), 'delete'), { ok: false })
  })
  it('refuses actions that do not apply', () => {
    assert.deepEqual(moderationTransition(from('spam'), 'spam'), { ok: false })
    assert.deepEqual(moderationTransition(from('trash'), 'trash'), { ok: false })
    assert.deepEqual(moderationTransition(from('pending'), 'restore'), { ok: false })
    assert.deepEqual(moderationTransition(from('approved'), 'not-spam'), { ok: false })
  })
})

describe('commentsAreOpen', () => {
  const settings = { closeCommentsForOldArticles: true, closeCommentsDaysOld: 14 }
  const article = (daysOld: number, open = 1) => ({ comments_open: open, published_at: new Date(NOW.getTime() - daysOld * 86_400_000).toISOString() })
  it('closes on an article closed by hand', () => {
    assert.equal(commentsAreOpen(article(0, 0), { ...settings, closeCommentsForOldArticles: false }, NOW), false)
  })
  it('closes on articles older than the configured age when the rule is on', () => {
    assert.equal(commentsAreOpen(article(13.9), settings, NOW), true)
    assert.equal(commentsAreOpen(article(14), settings, NOW), false)
  })
  it('keeps old articles open when the rule is off (the default)', () => {
    assert.equal(commentsAreOpen(article(400), { ...settings, closeCommentsForOldArticles: false }, NOW), true)
  })
})

describe('threadDepthLimit', () => {
  it('keeps the setting within 1–10', () => {
    assert.equal(threadDepthLimit({ threadCommentsDepth: 5 }), 5)
    assert.equal(threadDepthLimit({ threadCommentsDepth: 0 }), 1)
    assert.equal(threadDepthLimit({ threadCommentsDepth: 50 }), 10)
    assert.equal(threadDepthLimit({ threadCommentsDepth: Number.NaN }), 5)
  })
})
