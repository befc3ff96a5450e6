import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { build, forEachDialect } from '../helper.js'
import { createArticle } from '../../src/services/articles.service.js'

forEachDialect((dialect) => {
  describe('edition prefixes', () => {
    it('serves other editions under /<lang>/ and only there', async (tc) => {
      const t = await build(tc, dialect, { settings: { editions: ['en', 'ru'], defaultEdition: 'en', timeZone: 'Asia/Yerevan' } })
      await createArticle(t.deps, { edition: 'ru', headline: 'Госдеп ожидает ответа России', lead: 'Лид', bodySource: 'Текст', status: 'published', publishedAt: '2022-02-03T09:33:00.000Z' })
      await createArticle(t.deps, { edition: 'en', headline: 'English story', lead: 'Lead', bodySource: 'Text', status: 'published', publishedAt: '2022-02-03T09:00:00.000Z' })

      const ru = await t.app.inject('/ru/')
      assert.equal(ru.statusCode, 200)
      assert.match(ru.body, /<html lang="ru"/)
      assert.match(ru.body, /<a href="\/ru\/2022\/02\/03\/gosdep-ozhidaet-otveta-rossii\/">Госдеп ожидает ответа России<\/a>/)
      assert.doesNotMatch(ru.body, /English story/)

      assert.equal((await t.app.inject('/ru/newsfeed/2022-02-03/')).statusCode, 200)
      assert.equal((await t.app.inject('/ru/2022/02/03/gosdep-ozhidaet-otveta-rossii/')).statusCode, 200)
      assert.equal((await t.app.inject('/2022/02/03/gosdep-ozhidaet-otveta-rossii/')).statusCode, 404)
      assert.doesNotMatch((await t.app.inject('/')).body, /Госдеп/)

      for (const url of ['/en/', '/xx/', '/en/newsfeed/', '/de/2022/02/03/english-story/']) {
        const res = await t.app.inject(url)
        assert.equal(res.statusCode, 404, url)
        assert.match(res.body, /<h1>Page not found<\/h1>/)
      }
    })
  })
})
