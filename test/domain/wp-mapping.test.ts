import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  articleOf, articleSlugOf, articleStatusOf, attachmentDetailOf, commentOf, commentStatusOf, exportOffsetMinutes, headlineOf, instantOf, oldPathOf,
  pageDetailOf, uploadPathOf
} from '../../src/domain/wp-mapping.js'
import type { WxrComment, WxrItem } from '../../src/domain/wxr-reader.js'

const NOW = '2026-11-26T10:00:00.000Z'
const UTC = { offsetMinutes: 0, fallbackTimeZone: 'UTC' }
const YEREVAN = { offsetMinutes: null, fallbackTimeZone: 'Asia/Yerevan' }

function item(over: Partial<WxrItem> = {}): WxrItem {
  return {
    title: 'Hello world!', link: 'http://example.org/2012/01/05/hello-world/', pubDate: '', creator: 'admin', guid: '', description: '',
    content: 'Welcome.', excerpt: '', postId: 1, postDate: '2012-01-05 18:30:46', postDateGmt: '2012-01-05 14:30:46',
    postModified: '', postModifiedGmt: '', commentStatus: 'open', pingStatus: 'open', postName: 'hello-world', status: 'publish',
    postParent: 0, menuOrder: 0, postType: 'post', postPassword: '', isSticky: false, attachmentUrl: '', terms: [], meta: [], comments: [],
    ...over
  }
}

function comment(over: Partial<WxrComment> = {}): WxrComment {
  return {
    id: 5, author: 'Mr WordPress', authorEmail: 'WP@Example.org', authorUrl: 'https://wordpress.org/', authorIp: '127.0.0.1',
    date: '2012-01-05 18:30:46', dateGmt: '2012-01-05 14:30:46', content: 'Hi, this is a comment.', approved: '1', type: '',
    parent: 0, userId: 0, meta: [], ...over
  }
}

describe('post status', () => {
  it('maps every WordPress status a post can have', () => {
    assert.deepEqual(articleStatusOf('publish'), { ok: true, status: 'published' })
    assert.deepEqual(articleStatusOf('future'), { ok: true, status: 'scheduled' })
    assert.deepEqual(articleStatusOf('draft'), { ok: true, status: 'draft' })
    assert.deepEqual(articleStatusOf('pending'), { ok: true, status: 'pending' })
    assert.deepEqual(articleStatusOf('trash'), { ok: true, status: 'trashed' })
  })

  it('keeps a private post out of readers\' sight, as a draft, and says so', () => {
    assert.deepEqual(articleStatusOf('private'), { ok: true, status: 'draft', note: 'private' })
  })

  it('refuses automatic drafts and unknown statuses with a reason', () => {
    assert.equal(articleStatusOf('auto-draft').ok, false)
    assert.equal(articleStatusOf('inherit').ok, false)
  })
})

describe('comment status', () => {
  it('approved, held, spam, trash', () => {
    assert.equal(commentStatusOf('1'), 'approved')
    assert.equal(commentStatusOf('0'), 'pending')
    assert.equal(commentStatusOf('spam'), 'spam')
    assert.equal(commentStatusOf('trash'), 'trash')
    assert.equal(commentStatusOf('post-trashed'), 'trash')
  })
})

describe('times', () => {
  it('come from the _gmt field when it is set', () => {
    assert.equal(instantOf('2012-01-05 18:30:46', '2012-01-05 14:30:46', YEREVAN), '2012-01-05T14:30:46.000Z')
  })

  it('come from the local field in the export\'s offset when the _gmt one is zero', () => {
    assert.equal(instantOf('2012-01-05 18:30:46', '0000-00-00 00:00:00', { offsetMinutes: 240, fallbackTimeZone: 'UTC' }), '2012-01-05T14:30:46.000Z')
  })

  it('fall back to the site\'s time zone when the export\'s offset is unknown', () => {
    assert.equal(instantOf('2012-01-05 18:30:46', '', YEREVAN), '2012-01-05T14:30:46.000Z')
  })

  it('are null when neither field holds a date', () => {
    assert.equal(instantOf('0000-00-00 00:00:00', '0000-00-00 00:00:00', UTC), null)
    assert.equal(instantOf('yesterday', '', UTC), null)
  })

  it('learn the export\'s offset from a record with both fields', () => {
    assert.equal(exportOffsetMinutes('2012-01-05 18:30:46', '2012-01-05 14:30:46'), 240)
    assert.equal(exportOffsetMinutes('2012-01-05 09:00:00', '2012-01-05 14:30:00'), -330)
    assert.equal(exportOffsetMinutes('2012-01-05 18:30:46', '0000-00-00 00:00:00'), null)
    assert.equal(exportOffsetMinutes('2012-01-05 18:31:46', '2012-01-05 14:30:46'), null)
  })
})

describe('slugs and headlines', () => {
  it('keep a WordPress slug that is already a Lede slug', () => {
    assert.equal(articleSlugOf('hello-world', 'Hello world!'), 'hello-world')
  })

  it('transliterate a percent-encoded non-Latin slug', () => {
    assert.equal(articleSlugOf('%d0%bf%d1%80%d0%b8%d0%b2%d0%b5%d1%82', 'x'), 'privet')
  })

  it('make one from the title when the post has none', () => {
    assert.equal(articleSlugOf('', 'A Draft Title'), 'a-draft-title')
    assert.equal(articleSlugOf('', ''), 'story')
  })

  it('give an untitled post a headline', () => {
    assert.equal(headlineOf('  Two\n lines ', 3), 'Two lines')
    assert.equal(headlineOf('', 7), '(untitled 7)')
  })
})

describe('articleOf', () => {
  it('maps a published post with its excerpt, section, tags and featured image', () => {
    const result = articleOf(item({
      excerpt: '<p>The lead.</p>', isSticky: true, commentStatus: 'closed',
      terms: [{ domain: 'category', slug: 'news', name: 'News' }, { domain: 'category', slug: 'world', name: 'World' }, { domain: 'post_tag', slug: 'a', name: 'Alpha' }, { domain: 'post_tag', slug: 'a', name: 'Alpha' }],
      meta: [{ key: '_thumbnail_id', value: '42' }]
    }), UTC, NOW)
    assert.ok(result.ok)
    const a = result.article
    assert.equal(a.status, 'published')
    assert.equal(a.publishedAt, '2012-01-05T14:30:46.000Z')
    assert.equal(a.lead, 'The lead.')
    assert.equal(a.sectionSlug, 'news')
    assert.deepEqual(a.extraCategories, ['world'])
    assert.deepEqual(a.tags, ['Alpha'])
    assert.equal(a.thumbnailId, 42)
    assert.equal(a.commentsOpen, false)
    // Sticky in WordPress: pinned to the front page in Lede, nothing to note.
    assert.equal(a.sticky, true)
    assert.ok(!a.notes.some((n) => n.includes('sticky')))
  })

  it('gives a never-published draft no publication time', () => {
    const result = articleOf(item({ status: 'draft', postDateGmt: '0000-00-00 00:00:00' }), UTC, NOW)
    assert.ok(result.ok)
    assert.equal(result.article.publishedAt, null)
  })

  it('gives a published post without a date the time of the import, as WordPress gives it the time of saving', () => {
    const result = articleOf(item({ postDate: '', postDateGmt: '' }), UTC, NOW)
    assert.ok(result.ok)
    assert.equal(result.article.publishedAt, NOW)
  })
})

describe('commentOf', () => {
  it('keeps author, email (in lower case), URL, time, status and parent', () => {
    const result = commentOf(comment({ parent: 4, approved: '0' }), UTC, '2000-01-01T00:00:00.000Z')
    assert.deepEqual(result, {
      ok: true,
      comment: {
        wpId: 5, wpParent: 4, authorName: 'Mr WordPress', authorEmail: 'wp@example.org', authorUrl: 'https://wordpress.org/',
        body: 'Hi, this is a comment.', status: 'pending', ip: '127.0.0.1', createdAt: '2012-01-05T14:30:46.000Z'
      }
    })
  })

  it('drops a URL that is not a web address', () => {
    const result = commentOf(comment({ authorUrl: 'javascript:alert(1)' }), UTC, '2000-01-01T00:00:00.000Z')
    assert.ok(result.ok && result.comment.authorUrl === null)
  })

  it('skips pingbacks and trackbacks with the reason', () => {
    assert.equal(commentOf(comment({ type: 'pingback' }), UTC, '2000-01-01T00:00:00.000Z').ok, false)
  })
})

describe('oldPathOf', () => {
  it('keeps the path of a permalink, with a trailing slash', () => {
    assert.equal(oldPathOf('http://example.org/2012/01/05/hello-world/'), '/2012/01/05/hello-world/')
    assert.equal(oldPathOf('https://example.org/blog/archives/123'), '/blog/archives/123/')
  })

  it('spells percent-escapes one way', () => {
    assert.equal(oldPathOf('http://example.org/%d0%bf/'), oldPathOf('http://example.org/п/'))
  })

  it('is null for the front page (a ?p= link has no path of its own)', () => {
    assert.equal(oldPathOf('http://example.org/?p=1'), null)
  })
})

describe('what is kept of attachments and pages', () => {
  const attachment = (over: Partial<WxrItem> = {}) => item({
    postType: 'attachment', title: 'Photo\u0007 ', attachmentUrl: 'https://old.example/wp-content/uploads/2024/03/a%20b.jpg', postParent: 12,
    excerpt: '<p>The <em>caption</em></p>', content: 'Long description', postDateGmt: '0000-00-00 00:00:00', postDate: '2024-03-01 10:00:00',
    meta: [{ key: '_wp_attachment_image_alt', value: 'Alt text' }], ...over
  })

  it('an attachment\'s path comes from _wp_attached_file, else from its URL under wp-content/uploads', () => {
    assert.equal(uploadPathOf(attachment()), '2024/03/a b.jpg')
    assert.equal(uploadPathOf(attachment({ meta: [{ key: '_wp_attached_file', value: ' 2020/01/x.png ' }] })), '2020/01/x.png')
    assert.equal(uploadPathOf(attachment({ attachmentUrl: 'https://cdn.example/x.png' })), null)
    assert.equal(uploadPathOf(attachment({ attachmentUrl: 'https://old.example/wp-content/uploads/%E0%A4%A.png' })), null)
  })

  it('keeps an attachment\'s metadata as plain, bounded text', () => {
    assert.deepEqual(attachmentDetailOf(attachment()), {
      title: 'Photo', url: 'https://old.example/wp-content/uploads/2024/03/a%20b.jpg', path: '2024/03/a b.jpg', alt: 'Alt text',
      caption: 'The caption', description: 'Long description', parent: 12, uploadedAt: '2024-03-01 10:00:00'
    })
    const long = attachmentDetailOf(attachment({ content: 'й'.repeat(9000), attachmentUrl: '', guid: 'https://old.example/?attachment_id=5' }))
    assert.equal([...long.description].length, 5000)
    assert.equal(long.url, 'https://old.example/?attachment_id=5')
  })

  it('keeps a page\'s title, address and status', () => {
    assert.deepEqual(pageDetailOf(item({ postType: 'page', title: ' About ', link: 'https://old.example/about/', status: 'publish' })),
      { title: 'About', link: 'https://old.example/about/', status: 'publish' })
  })
})
