import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { build, forEachDialect, type TestApp } from '../../helper.js'
import { adminGet, loginAs, type AdminSession } from '../../admin-helper.js'
import { multipartBody } from './newsroom-support.js'
import { backgroundImportFinished } from '../../../src/services/import-runs.service.js'
import { wxrCorpus, wxrPath } from '../../wxr-corpora.js'

const corpus = wxrCorpus()
const SETTINGS = { editions: ['en', 'ru'], defaultEdition: 'en', timeZone: 'UTC' }

function uploadExport(t: TestApp, session: AdminSession, file: { name: string, bytes: Buffer } | null, fields: Record<string, string> = { edition: 'en' }, csrf = session.csrf) {
  // As the form sends it: the token first, then the fields, then the file.
  const body = multipartBody({ _csrf: csrf, ...fields }, file ? { name: file.name, type: 'text/xml', bytes: file.bytes } : null)
  return t.app.inject({
    method: 'POST', url: '/admin/import/',
    headers: { ...body.headers, cookie: session.cookie }, payload: body.payload
  })
}

async function finishedRunPage(t: TestApp, session: AdminSession, location: string) {
  const runId = Number(/\/admin\/import\/runs\/(\d+)\/$/.exec(location)?.[1])
  assert.ok(runId > 0, location)
  await backgroundImportFinished(runId)
  return adminGet(t, session, location)
}

forEachDialect((dialect) => {
  describe('the Import screen', { skip: corpus.skip }, () => {
    it('takes an upload, runs it in the background, shows its summary and keeps it in the history', async (tc) => {
      const t = await build(tc, dialect, { settings: SETTINGS })
      const admin = await loginAs(t, 'administrator')
      const page = await adminGet(t, admin, '/admin/import/')
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /Import from WordPress/)
      assert.match(page.body, /href="\/admin\/import\/"[^>]*>Import</)

      const res = await uploadExport(t, admin, { name: 'small.xml', bytes: readFileSync(wxrPath('importer-small-export.xml')) })
      assert.equal(res.statusCode, 303)
      const run = await finishedRunPage(t, admin, res.headers.location as string)
      assert.equal(run.statusCode, 200)
      assert.equal(run.headers.refresh, undefined)
      assert.match(run.body, /Done/)
      assert.match(run.body, /11 of 11 items/)
      assert.match(run.body, /<th scope="row" class="row-primary">Posts<\/th><td data-label="Created">6<\/td>/)
      assert.match(run.body, /page \(Lede has no static pages yet; its old addresses answer 410 Gone\)/)
      const articles = await t.deps.db.selectFrom('articles').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
      assert.equal(Number(articles.n), 6)

      const history = await adminGet(t, admin, '/admin/import/')
      assert.match(history.body, /small\.xml/)
      assert.match(history.body, /http:\/\/localhost/)
    })

    it('lists the addresses of attachments recorded without their files, for administrators', async (tc) => {
      const t = await build(tc, dialect, { settings: SETTINGS })
      const admin = await loginAs(t, 'administrator')
      const res = await uploadExport(t, admin, { name: 'theme.xml', bytes: readFileSync(wxrPath('themeunittestdata.wordpress.xml')) })
      const run = await finishedRunPage(t, admin, res.headers.location as string)
      assert.match(run.body, /37 × attachment recorded without its file/)
      assert.match(run.body, /<a href="\/admin\/import\/attachments\.txt">/)
      const list = await adminGet(t, admin, '/admin/import/attachments.txt')
      assert.equal(list.statusCode, 200)
      assert.match(list.headers['content-type'] as string, /^text\/plain/)
      assert.equal(list.headers['cache-control'], 'private, no-store')
      const lines = list.body.trimEnd().split('\n')
      assert.equal(lines.length, 37)
      assert.ok(lines.every((l) => /^https:\/\/wpthemetestdata\.files\.wordpress\.com\/\S+$/.test(l)), lines.join('\n'))
      assert.ok(lines.some((l) => l.endsWith('/canola2.jpg')))
      const editor = await loginAs(t, 'editor', { email: 'ed@example.com' })
      assert.equal((await adminGet(t, editor, '/admin/import/attachments.txt')).statusCode, 403)
    })

    it('refuses a file that is not an export, saying where, and imports nothing', async (tc) => {
      const t = await build(tc, dialect, { settings: SETTINGS })
      const admin = await loginAs(t, 'administrator')
      const res = await uploadExport(t, admin, { name: 'broken.xml', bytes: readFileSync(wxrPath('importer-malformed.xml')) })
      assert.equal(res.statusCode, 303)
      const run = await finishedRunPage(t, admin, res.headers.location as string)
      assert.match(run.body, /Refused/)
      assert.match(run.body, /line 90, column 11/)
      const articles = await t.deps.db.selectFrom('articles').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
      assert.equal(Number(articles.n), 0)
    })

    it('asks for a file, and for one of the site\'s editions, keeping the form', async (tc) => {
      const t = await build(tc, dialect, { settings: SETTINGS })
      const admin = await loginAs(t, 'administrator')
      const none = await uploadExport(t, admin, null)
      assert.equal(none.statusCode, 400)
      assert.match(none.body, /Choose an export file to upload/)
      const wrong = await uploadExport(t, admin, { name: 'a.xml', bytes: Buffer.from('<rss/>') }, { edition: 'xx' })
      assert.equal(wrong.statusCode, 400)
      assert.match(wrong.body, /Choose one of the site&#39;s editions|Choose one of the site's editions/)
    })

    it('is for administrators only, and needs the CSRF token', async (tc) => {
      const t = await build(tc, dialect, { settings: SETTINGS })
      const editor = await loginAs(t, 'editor')
      assert.equal((await adminGet(t, editor, '/admin/import/')).statusCode, 403)
      assert.equal((await uploadExport(t, editor, { name: 'a.xml', bytes: Buffer.from('<rss/>') })).statusCode, 403)
      assert.doesNotMatch((await adminGet(t, editor, '/admin/')).body, /href="\/admin\/import\/"/)
      const admin = await loginAs(t, 'administrator', { email: 'boss@example.com' })
      assert.equal((await uploadExport(t, admin, { name: 'a.xml', bytes: Buffer.from('<rss/>') }, { edition: 'en' }, 'forged')).statusCode, 403)
      assert.equal((await adminGet(t, admin, '/admin/import/runs/999/')).statusCode, 404)
    })
  })
})
