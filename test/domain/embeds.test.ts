import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { EMBED_FRAME_ORIGINS, embedFrameSrc, MAX_EMBED_URL_LENGTH, recogniseEmbed } from '../../src/domain/embeds.js'
import { EMBED_PROVIDERS } from '../../src/domain/body-schema.js'

/** Each provider's link forms, with the canonical link and the frame they come to. */
const RECOGNISED: [string, string, string, string][] = [
  ['youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
  ['youtube', 'https://youtube.com/watch?v=dQw4w9WgXcQ&feature=share&si=AbCdEf&utm_source=x', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
  ['youtube', 'http://m.youtube.com/watch?app=desktop&v=a_B-c1D2e3F', 'https://www.youtube.com/watch?v=a_B-c1D2e3F', 'https://www.youtube-nocookie.com/embed/a_B-c1D2e3F'],
  ['youtube', 'https://youtu.be/dQw4w9WgXcQ?si=tracking123', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
  ['youtube', 'https://www.youtube.com/shorts/dQw4w9WgXcQ', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
  ['youtube', 'https://www.youtube.com/embed/dQw4w9WgXcQ', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
  ['youtube', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ/', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
  ['youtube', '  youtu.be/dQw4w9WgXcQ  ', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
  ['vimeo', 'https://vimeo.com/76979871', 'https://vimeo.com/76979871', 'https://player.vimeo.com/video/76979871'],
  ['vimeo', 'https://player.vimeo.com/video/76979871?h=abc', 'https://vimeo.com/76979871', 'https://player.vimeo.com/video/76979871'],
  ['x', 'https://x.com/NASA/status/1793330211236757839?s=20&t=abc', 'https://x.com/NASA/status/1793330211236757839', 'https://platform.twitter.com/embed/Tweet.html?id=1793330211236757839'],
  ['x', 'https://twitter.com/jack/status/20', 'https://x.com/jack/status/20', 'https://platform.twitter.com/embed/Tweet.html?id=20'],
  ['x', 'https://mobile.twitter.com/jack/status/20/photo/1', 'https://x.com/jack/status/20', 'https://platform.twitter.com/embed/Tweet.html?id=20'],
  ['facebook', 'https://www.facebook.com/nasa/posts/10159912345678901?ref=share', 'https://www.facebook.com/nasa/posts/10159912345678901',
    'https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2Fnasa%2Fposts%2F10159912345678901'],
  ['facebook', 'https://m.facebook.com/Some.Page/posts/pfbid02abcDEF123456789xyz/', 'https://www.facebook.com/Some.Page/posts/pfbid02abcDEF123456789xyz',
    'https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2FSome.Page%2Fposts%2Fpfbid02abcDEF123456789xyz'],
  ['facebook', 'https://www.facebook.com/nasa/videos/1234567890/', 'https://www.facebook.com/nasa/videos/1234567890/',
    'https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fnasa%2Fvideos%2F1234567890%2F'],
  ['facebook', 'https://www.facebook.com/nasa/videos/launch-day/1234567890', 'https://www.facebook.com/nasa/videos/1234567890/',
    'https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fnasa%2Fvideos%2F1234567890%2F'],
  ['facebook', 'https://www.facebook.com/permalink.php?story_fbid=123456&id=987654&ref=embed', 'https://www.facebook.com/permalink.php?story_fbid=123456&id=987654',
    'https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2Fpermalink.php%3Fstory_fbid%3D123456%26id%3D987654'],
  ['instagram', 'https://www.instagram.com/p/C1a2B3c4D5e/?igsh=MTc4MmM1YmI2Ng==', 'https://www.instagram.com/p/C1a2B3c4D5e/', 'https://www.instagram.com/p/C1a2B3c4D5e/embed'],
  ['instagram', 'https://instagram.com/reel/C1a2B3c4D5e', 'https://www.instagram.com/reel/C1a2B3c4D5e/', 'https://www.instagram.com/p/C1a2B3c4D5e/embed'],
  ['instagram', 'https://www.instagram.com/nasa/p/C1a2B3c4D5e/', 'https://www.instagram.com/p/C1a2B3c4D5e/', 'https://www.instagram.com/p/C1a2B3c4D5e/embed'],
  ['telegram', 'https://t.me/durov/142', 'https://t.me/durov/142', 'https://t.me/durov/142?embed=1'],
  ['telegram', 'https://t.me/s/telegram/300?single', 'https://t.me/telegram/300', 'https://t.me/telegram/300?embed=1'],
  ['telegram', 'https://telegram.me/durov/142/', 'https://t.me/durov/142', 'https://t.me/durov/142?embed=1']
]

const REFUSED = [
  '', 'not a link', 'javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'ftp://youtube.com/watch?v=dQw4w9WgXcQ',
  'https://www.youtube.com/watch?v=dQw4w9WgXc', // 10 characters
  'https://www.youtube.com/watch?v=dQw4w9WgXcQQ', // 12
  'https://www.youtube.com/watch?v=dQw4w9WgX%22', 'https://www.youtube.com/watch?v=<script>', 'https://www.youtube.com/playlist?list=PL123',
  'https://www.youtube.com/shorts/dQw4w9WgXcQ/extra', 'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
  'https://evil.example/youtube.com/watch?v=dQw4w9WgXcQ', 'https://evil.example/?u=https://youtu.be/dQw4w9WgXcQ',
  'https://user:pass@www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ',
  'https://vimeo.com/channels/staffpicks', 'https://vimeo.com/12345678901234', 'https://x.com/jack', 'https://x.com/jack/status/abc',
  'https://x.com/this_name_is_too_long/status/20', 'https://x.com/i/lists/123', 'https://www.facebook.com/nasa',
  'https://www.facebook.com/watch/posts/123', 'https://www.facebook.com/nasa/posts/<b>', 'https://www.facebook.com/permalink.php?story_fbid=1',
  'https://www.facebook.com/nasa/videos/abc', 'https://www.instagram.com/nasa/', 'https://www.instagram.com/p/ab/',
  'https://www.instagram.com/stories/nasa/123/', 'https://t.me/durov', 'https://t.me/c/1234567/89', 'https://t.me/ab/1',
  'https://t.me/durov/abc', 'https://t.me/+invitecode'
]

describe('recognising embeddable links', () => {
  for (const [provider, link, url, frameSrc] of RECOGNISED) {
    it(`${link.trim()} is ${provider}: ${url}`, () => {
      assert.deepEqual(recogniseEmbed(link), { provider, url, frameSrc })
    })
  }

  it('recognises every canonical link as itself, so a stored link never drifts', () => {
    for (const [, link] of RECOGNISED) {
      const first = recogniseEmbed(link)!
      assert.deepEqual(recogniseEmbed(first.url), first)
    }
  })

  for (const link of REFUSED) {
    it(`refuses ${JSON.stringify(link)}`, () => {
      assert.equal(recogniseEmbed(link), null)
    })
  }

  it(`refuses anything longer than ${MAX_EMBED_URL_LENGTH} characters without reading it`, () => {
    const long = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&x=' + 'a'.repeat(MAX_EMBED_URL_LENGTH)
    assert.equal(recogniseEmbed(long), null)
    assert.ok(recogniseEmbed('https://www.youtube.com/watch?v=dQw4w9WgXcQ&x=' + 'a'.repeat(100)))
  })

  it('covers every provider the schema names', () => {
    assert.deepEqual([...new Set(RECOGNISED.map(([p]) => p))].sort(), [...EMBED_PROVIDERS].sort())
  })
})

describe('the players\' frames', () => {
  it('come only from the origins the CSP lists, and every listed origin is used', () => {
    const used = new Set(RECOGNISED.map(([, link]) => new URL(recogniseEmbed(link)!.frameSrc).origin))
    for (const origin of used) assert.ok(EMBED_FRAME_ORIGINS.includes(origin), `${origin} is not in EMBED_FRAME_ORIGINS`)
    assert.deepEqual([...used].sort(), [...EMBED_FRAME_ORIGINS].sort())
    for (const origin of EMBED_FRAME_ORIGINS) assert.match(origin, /^https:\/\/[a-z.-]+$/)
  })

  it('are computed again from a stored link, and only for the provider it was stored with', () => {
    assert.equal(embedFrameSrc('youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'), 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ')
    assert.equal(embedFrameSrc('telegram', 'https://t.me/durov/142'), 'https://t.me/durov/142?embed=1')
    assert.equal(embedFrameSrc('vimeo', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'), null, 'the provider no longer matches')
    assert.equal(embedFrameSrc('youtube', 'https://evil.example/embed/dQw4w9WgXcQ'), null)
    assert.equal(embedFrameSrc('youtube', 'javascript:alert(1)'), null)
  })
})
