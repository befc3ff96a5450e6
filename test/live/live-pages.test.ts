// Newsfeed pages carry the live script's hook (in the page's language) and nothing else changes for
// readers without JavaScript; the script is served from /assets like the others (CSP: script-src 'self').
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { build, forEachDialect } from '../helper.js'

const HOOK = /<div class="live-newsfeed" hidden data-live="([^"]*)"/

forEachDialect((dialect) => {
  describe('live newsfeed pages', () => {
    it('the front page, today\'s newsfeed and section pages carry the hook and the script', async (tc) => {
      const t = await build(tc, dialect, { demo: true })
      for (const url of ['/', '/newsfeed/', '/section/world/']) {
        const res = await t.app.inject(url)
        assert.equal(res.statusCode, 200, url)
        assert.equal(HOOK.exec(res.body)?.[1], '/live', url)
        assert.match(res.body, /<script src="\/assets\/live.js" defer><\/script>/, url)
      }
      const section = (await t.app.inject('/section/world/')).body
      assert.match(section, /data-section="world"/)
      const front = (await t.app.inject('/')).body
      assert.match(front, /data-new-one="\{count\} new story — show" data-new-other="\{count\} new stories — show"/)
      assert.match(front, /<li class="story[^"]*" data-article-id="\d+">/)
    })

    it('pages that do not follow the news as it comes show the breaking banner alone; error pages nothing', async (tc) => {
      const t = await build(tc, dialect, { demo: true })
      const front = (await t.app.inject('/')).body
      const older = /<a rel="next" href="([^"]+)">/.exec(front)![1]!.replaceAll('&amp;', '&')
      const article = /<li class="story[^"]*" data-article-id="\d+">.*?<a href="([^"]+)"/.exec(front)![1]!
      for (const url of [older, '/newsfeed/2026-11-24/', '/tag/diplomacy/', article, '/search?q=minister']) {
        const res = await t.app.inject(url)
        assert.equal(res.statusCode, 200, url)
        assert.match(res.body, /live\.js/, url)
        assert.match(res.body, /data-live="\/live" data-mode="banner"/, url)
        assert.doesNotMatch(res.body, /data-new-one=/, `${url}: no new-stories button outside newsfeeds`)
      }
      const ru = (await t.app.inject('/ru/search?q=x')).body
      assert.match(ru, /data-live="\/ru\/live" data-mode="banner"/, 'each edition follows its own stream')
      const missing = await t.app.inject('/2020/01/01/no-such-story/')
      assert.equal(missing.statusCode, 404)
      assert.doesNotMatch(missing.body, /live\.js/)
    })

    it('other editions follow their own stream, with their plural forms', async (tc) => {
      const t = await build(tc, dialect, { demo: true })
      const res = await t.app.inject('/ru/')
      assert.equal(res.statusCode, 200)
      assert.equal(HOOK.exec(res.body)?.[1], '/ru/live')
      assert.match(res.body, /data-new-few="\{count\} новые новости — показать"/)
    })

    it('serves the script as JavaScript, small', async (tc) => {
      const t = await build(tc, dialect)
      const res = await t.app.inject('/assets/live.js')
      assert.equal(res.statusCode, 200)
      assert.match(res.headers['content-type'] as string, /javascript/)
      assert.ok(res.body.length < 10_000, `${res.body.length} bytes`)
    })
  })
})
