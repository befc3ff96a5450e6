// The settings screen: every setting on the form, each validated, saved in one go with an audit row.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { build, forEachDialect } from '../../helper.js'
import { adminGet, adminPost, loginAs } from '../../admin-helper.js'
import { DEFAULT_SETTINGS } from '../../../src/domain/settings.js'
import { settingsToFormText } from '../../../src/domain/settings-form.js'
import { loadSettings } from '../../../src/db/repositories/settings.repository.js'

forEachDialect((dialect) => {
  describe('settings screen', () => {
    it('shows a field for every setting, filled with the stored value', async (t) => {
      const app = await build(t, dialect, { settings: { timeZone: 'Asia/Yerevan', commentModerationWords: ['casino', 'viagra'] } })
      const admin = await loginAs(app, 'administrator')
      const page = await adminGet(app, admin, '/admin/settings/')
      assert.equal(page.statusCode, 200)
      for (const key of Object.keys(DEFAULT_SETTINGS)) {
        const name = key === 'reprintNotice' || key === 'dateFormat' ? `${key}.en` : key
        assert.match(page.body, new RegExp(`name="${name.replace('.', '\\.')}"`), `no field for ${key}`)
      }
      assert.match(page.body, /name="timeZone" type="text" value="Asia\/Yerevan"/)
      assert.match(page.body, /<textarea id="commentModerationWords" name="commentModerationWords"[^>]*>casino\nviagra<\/textarea>/)
      assert.match(page.body, /<option value="Asia\/Yerevan"><\/option>/)
    })

    it('saves valid settings, normalising what was typed, and records what changed', async (t) => {
      const app = await build(t, dialect)
      const admin = await loginAs(app, 'administrator')
      const fields = {
        ...settingsToFormText(await loadSettings(app.deps.db)),
        siteName: '  Armenpress Daily ', tagline: 'Fast news', siteUrl: 'https://news.example.org/', timeZone: 'asia/yerevan',
        'reprintNotice.en': 'Quote {site} with a link.', newsfeedPageSize: '25', commentMaxLinks: '0',
        commentModerationWords: 'casino\n\n  pills  \ncasino', commentModeration: '', requireNameEmail: '1', threadCommentsDepth: '3'
      }
      const res = await adminPost(app, admin, '/admin/settings/', fields)
      assert.equal(res.statusCode, 303)
      assert.equal(res.headers.location, '/admin/settings/?notice=settingsSaved')
      const saved = await loadSettings(app.deps.db)
      assert.equal(saved.siteName, 'Armenpress Daily')
      assert.equal(saved.siteUrl, 'https://news.example.org')
      assert.equal(saved.timeZone, 'Asia/Yerevan')
      assert.equal(saved.reprintNotice.en, 'Quote {site} with a link.')
      assert.equal(saved.newsfeedPageSize, 25)
      assert.equal(saved.commentMaxLinks, 0)
      assert.deepEqual(saved.commentModerationWords, ['casino', 'pills'])
      assert.equal(saved.commentModeration, false, 'an unticked box is false')
      assert.equal(saved.threadCommentsDepth, 3)
      const audit = await app.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'settings.update').executeTakeFirstOrThrow()
      const details = JSON.parse(audit.details) as Record<string, unknown>
      assert.deepEqual(details.siteName, { from: 'Lede', to: 'Armenpress Daily' })
      assert.equal(details.commentModerationWords, 'changed')
      assert.equal('tagline' in details, true)
      assert.equal('feedItemCount' in details, false, 'unchanged settings are not listed')
      // The site is https now: the session cookie is named __Host-…, so the plain one no longer signs in.
      assert.equal((await adminGet(app, admin, '/admin/settings/')).statusCode, 303)
      const again = await loginAs(app, 'administrator')
      assert.match((await adminGet(app, again, '/admin/settings/?notice=settingsSaved')).body, /Settings saved\./)
      // The public site uses them at once.
      assert.match((await app.app.inject('/')).body, /Armenpress Daily/)
    })

    it('re-renders with 400, a message next to each wrong field and the input kept, saving nothing', async (t) => {
      const app = await build(t, dialect)
      const admin = await loginAs(app, 'administrator')
      const before = await loadSettings(app.deps.db)
      const fields = {
        ...settingsToFormText(before),
        siteName: '', siteUrl: 'ftp://example.org', timeZone: 'Mars/Olympus_Mons', newsfeedPageSize: '100000',
        threadCommentsDepth: '11', commentMaxLinks: '-1', closeCommentsDaysOld: 'two', logoUrl: '//evil.example/logo.png',
        editions: 'en, Русский', defaultEdition: 'xx', tagline: 'Kept <tagline>'
      }
      const res = await adminPost(app, admin, '/admin/settings/', fields)
      assert.equal(res.statusCode, 400)
      const expectations: Record<string, RegExp> = {
        siteName: /Please fill in this field/,
        siteUrl: /starting with http:\/\/ or https:\/\//,
        timeZone: /Please choose a time zone from the list/,
        newsfeedPageSize: /a whole number from 1 to 200/,
        threadCommentsDepth: /a whole number from 1 to 10/,
        commentMaxLinks: /a whole number from 0 to 100/,
        closeCommentsDaysOld: /a whole number from 1 to 3650/,
        logoUrl: /a path on this site starting with \//,
        editions: /two- or three-letter language codes/
      }
      for (const [field, message] of Object.entries(expectations)) {
        assert.match(res.body, new RegExp(`<p class="field-error" id="${field}-error">[^<]*${message.source}`), field)
      }
      assert.match(res.body, /value="Mars\/Olympus_Mons"/)
      assert.match(res.body, /value="Kept &lt;tagline>"/)
      assert.match(res.body, /value="ftp:\/\/example.org"/)
      assert.deepEqual(await loadSettings(app.deps.db), before)
      assert.equal((await app.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'settings.update').execute()).length, 0)
    })

    it('keeps the default edition among the editions and reprint notices per edition', async (t) => {
      const app = await build(t, dialect, { settings: { editions: ['hy', 'ru', 'en'], defaultEdition: 'hy', reprintNotice: { hy: 'HY {site}', ru: 'RU {site}', en: 'EN {site}' } } })
      const admin = await loginAs(app, 'administrator')
      const page = await adminGet(app, admin, '/admin/settings/')
      for (const edition of ['hy', 'ru', 'en']) assert.match(page.body, new RegExp(`name="reprintNotice\\.${edition}"`))
      const text = settingsToFormText(await loadSettings(app.deps.db))
      const wrongDefault = await adminPost(app, admin, '/admin/settings/', { ...text, defaultEdition: 'fr' })
      assert.equal(wrongDefault.statusCode, 400)
      // The admin speaks the default edition's language.
      assert.match(wrongDefault.body, /<html lang="hy"/)
      assert.match(wrongDefault.body, /id="defaultEdition-error">Ընտրեք տարբերակներից մեկը/)
      const ok = await adminPost(app, admin, '/admin/settings/', { ...text, 'reprintNotice.ru': 'Новый {site}' })
      assert.equal(ok.statusCode, 303)
      const saved = await loadSettings(app.deps.db)
      assert.deepEqual(saved.reprintNotice, { hy: 'HY {site}', ru: 'Новый {site}', en: 'EN {site}' })
    })

    it('saves date and time formats per edition, refuses unusable ones, and the reader pages follow them', async (t) => {
      const app = await build(t, dialect, { demo: true })
      const admin = await loginAs(app, 'administrator')
      const page = await adminGet(app, admin, '/admin/settings/')
      assert.match(page.body, /<input id="dateFormat\.en" name="dateFormat\.en" type="text" value="F d, Y"/)
      assert.match(page.body, /<input id="dateFormat\.ru" name="dateFormat\.ru" type="text" value[ >]/)
      assert.match(page.body, /<input id="timeFormat" name="timeFormat" type="text" value="H:i"/)
      // The preview under the fields, as WordPress shows one (the demo clock is fixed).
      assert.match(page.body, /With the saved formats, now is: [A-Z][a-z]+ \d\d, \d{4} \d\d:\d\d\./)
      const text = settingsToFormText(await loadSettings(app.deps.db))

      const before = await loadSettings(app.deps.db)
      const wrong = await adminPost(app, admin, '/admin/settings/', { ...text, 'dateFormat.en': 'c', 'dateFormat.hy': 'Y', timeFormat: 'i:s' })
      assert.equal(wrong.statusCode, 400)
      assert.match(wrong.body, /id="dateFormat\.en-error">[^<]*The letter “c” is not supported here/)
      assert.match(wrong.body, /id="dateFormat\.hy-error">[^<]*Please include the day or the month/)
      assert.match(wrong.body, /id="timeFormat-error">[^<]*Please include the hour/)
      assert.match(wrong.body, /name="timeFormat" type="text" value="i:s"/)
      assert.deepEqual(await loadSettings(app.deps.db), before)

      const ok = await adminPost(app, admin, '/admin/settings/', { ...text, 'dateFormat.en': 'l, jS F Y', 'dateFormat.ru': ' j F Y ', timeFormat: 'g:i a' })
      assert.equal(ok.statusCode, 303)
      const saved = await loadSettings(app.deps.db)
      assert.deepEqual(saved.dateFormat, { en: 'l, jS F Y', ru: 'j F Y' })
      assert.equal(saved.timeFormat, 'g:i a')

      const article = await app.app.inject('/2022/02/03/us-department-of-state-expects-russian-response-to-clarify-moscows-position/')
      assert.match(article.body, /<time datetime="2022-02-03T13:33:00\+04:00">Thursday, 3rd February 2022 1:33 pm<\/time>/)
      const ru = await app.app.inject('/ru/newsfeed/2022-02-03/')
      assert.match(ru.body, /<h1>[^<]*: <time datetime="2022-02-03">3 февраля 2022<\/time><\/h1>/)
      assert.match(ru.body, /<time datetime="2022-02-03T13:33:00\+04:00">1:33 pm<\/time>/)

      // Emptying an edition's format gives it back its language's own format.
      const cleared = await adminPost(app, admin, '/admin/settings/', { ...settingsToFormText(saved), 'dateFormat.ru': '' })
      assert.equal(cleared.statusCode, 303)
      assert.deepEqual((await loadSettings(app.deps.db)).dateFormat, { en: 'l, jS F Y' })
      assert.match((await app.app.inject('/ru/newsfeed/2022-02-03/')).body, /<time datetime="2022-02-03">четверг, 3 февраля 2022 г\.<\/time>/)
    })

    it('says when SITE_URL overrides the stored site URL', async (t) => {
      const app = await build(t, dialect)
      app.deps.siteUrlOverride = 'https://override.example.org'
      const admin = await loginAs(app, 'administrator')
      const page = await adminGet(app, admin, '/admin/settings/')
      assert.match(page.body, /SITE_URL environment variable is set to https:\/\/override.example.org/)
      assert.match(page.body, /name="siteUrl" type="url" value="http:\/\/localhost:3000"/)
    })
  })
})
