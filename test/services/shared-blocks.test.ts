// The newsfeed strip beside articles is kept in memory (src/services/shared-blocks.ts) even with the page
// cache off: it must still change at once when a story is published, and when a scheduled one's time comes.
import { it } from 'node:test'
import assert from 'node:assert/strict'
import { createArticle } from '../../src/services/articles.service.js'
import { build, forEachDialect } from '../helper.js'

const MODEL_URL = '/2022/02/03/us-department-of-state-expects-russian-response-to-clarify-moscows-position/'
const strip = (html: string) => /<aside class="newsfeed-strip"[\s\S]*?<\/aside>/.exec(html)?.[0] ?? ''

forEachDialect((dialect) => {
  it('the newsfeed strip shows a story as soon as it is published', async (tc) => {
    const t = await build(tc, dialect, { demo: true })
    assert.doesNotMatch(strip((await t.app.inject(MODEL_URL)).body), /Fresh off the wire/)
    await createArticle(t.deps, { edition: 'en', headline: 'Fresh off the wire', lead: 'Lead', bodySource: 'Body', status: 'published', publishedAt: '2026-11-26T09:59:00.000Z' })
    assert.match(strip((await t.app.inject(MODEL_URL)).body), /Fresh off the wire/)
  })

  it('the newsfeed strip shows a scheduled story when its time comes, with nothing announcing it', async (tc) => {
    const t = await build(tc, dialect, { demo: true })
    await createArticle(t.deps, { edition: 'en', headline: 'Embargoed report', lead: 'Lead', bodySource: 'Body', status: 'scheduled', publishedAt: '2026-11-26T10:30:00.000Z' })
    assert.doesNotMatch(strip((await t.app.inject(MODEL_URL)).body), /Embargoed report/)
    t.clock.set('2026-11-26T10:31:00.000Z')
    assert.match(strip((await t.app.inject(MODEL_URL)).body), /Embargoed report/)
  })
})
