// The audit log page and the dashboard: who did what to which item, when; filters; keyset pages.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { build, forEachDialect, type TestApp } from '../../helper.js'
import { adminGet, adminPost, createTestUser, login, loginAs } from '../../admin-helper.js'
import { writeAudit } from '../../../src/db/repositories/audit.repository.js'
import { createArticle } from '../../../src/services/articles.service.js'

async function seedLog(t: TestApp, actors: { id: number, name: string }[]) {
  // 130 rows over three days in Yerevan, three per hour, alternating actors and actions.
  const start = Date.parse('2026-11-20T20:30:00.000Z')
  for (let i = 0; i < 130; i++) {
    const actor = actors[i % actors.length]!
    await writeAudit(t.deps.db, {
      actor, action: i % 3 === 0 ? 'article.publish' : 'comment.approve', subjectType: i % 3 === 0 ? 'article' : 'comment',
      subjectId: 1000 + i, details: { n: i }, at: new Date(start + i * 20 * 60 * 1000)
    })
  }
}

const rowsOf = (body: string) => [...body.matchAll(/<td class="audit-details" data-label="Details">(?:<p[^>]*>[^<]*<\/p>)?n: (\d+)<\/td>/g)].map((m) => Number(m[1]))

forEachDialect((dialect) => {
  describe('audit log page', () => {
    it('lists entries newest first with who, what, which item and when, in pages that neither repeat nor skip', async (t) => {
      const app = await build(t, dialect, { settings: { timeZone: 'Asia/Yerevan' } })
      const editor = await loginAs(app, 'editor', { displayName: 'Eva Editor' })
      await app.deps.db.deleteFrom('audit_log').execute()
      await seedLog(app, [{ id: editor.user.id, name: 'Eva Editor' }])
      const first = await adminGet(app, editor, '/admin/audit/')
      assert.equal(first.statusCode, 200)
      const page1 = rowsOf(first.body)
      assert.equal(page1.length, 50)
      assert.equal(page1[0], 129)
      assert.match(first.body, /<a href="\/admin\/audit\/\?actor=\d+">Eva Editor<\/a>/)
      assert.match(first.body, /<a href="\/admin\/articles\/1129\/">Article #1129<\/a>/)
      const older = /<a href="([^"]+)" rel="next">/.exec(first.body)![1]!.replaceAll('&amp;', '&')
      const second = await adminGet(app, editor, older)
      const page2 = rowsOf(second.body)
      assert.deepEqual(page2, Array.from({ length: 50 }, (_, i) => 79 - i))
      // New activity meanwhile does not shift the older pages.
      await writeAudit(app.deps.db, { actor: { id: editor.user.id, name: 'Eva Editor' }, action: 'article.publish', subjectType: 'article', subjectId: 1, details: { n: 999 }, at: app.clock() })
      const third = await adminGet(app, editor, /<a href="([^"]+)" rel="next">/.exec(second.body)![1]!.replaceAll('&amp;', '&'))
      assert.deepEqual(rowsOf(third.body), Array.from({ length: 30 }, (_, i) => 29 - i))
      assert.doesNotMatch(third.body, /rel="next"/)
      const back = await adminGet(app, editor, /<a href="([^"]+)" rel="prev">/.exec(third.body)![1]!.replaceAll('&amp;', '&'))
      assert.deepEqual(rowsOf(back.body), page2)
    })

    it('filters by actor, action, item type and days in the site time zone', async (t) => {
      const app = await build(t, dialect, { settings: { timeZone: 'Asia/Yerevan' } })
      const admin = await loginAs(app, 'administrator', { displayName: 'Ani' })
      const editor = await loginAs(app, 'editor', { displayName: 'Eva' })
      await app.deps.db.deleteFrom('audit_log').execute()
      await seedLog(app, [{ id: admin.user.id, name: 'Ani' }, { id: editor.user.id, name: 'Eva' }])

      const byActor = rowsOf((await adminGet(app, admin, `/admin/audit/?actor=${editor.user.id}`)).body)
      assert.ok(byActor.length > 0 && byActor.every((n) => n % 2 === 1))
      const byAction = rowsOf((await adminGet(app, admin, '/admin/audit/?action=article.publish')).body)
      assert.ok(byAction.length > 0 && byAction.every((n) => n % 3 === 0))
      const bySubject = rowsOf((await adminGet(app, admin, '/admin/audit/?subject=comment')).body)
      assert.ok(bySubject.length > 0 && bySubject.every((n) => n % 3 !== 0))
      const oneItem = rowsOf((await adminGet(app, admin, '/admin/audit/?subject=comment&subject_id=1001')).body)
      assert.deepEqual(oneItem, [1])

      // Row 0 is 2026-11-20 20:30 UTC = 2026-11-21 00:30 in Yerevan; 21 November there ends at 20:00 UTC.
      const day = rowsOf((await adminGet(app, admin, '/admin/audit/?from=2026-11-21&to=2026-11-21')).body)
      const expected = Array.from({ length: 130 }, (_, i) => i)
        .filter((i) => { const at = Date.parse('2026-11-20T20:30:00.000Z') + i * 20 * 60 * 1000; return at >= Date.parse('2026-11-20T20:00:00.000Z') && at < Date.parse('2026-11-21T20:00:00.000Z') })
        .reverse()
      assert.deepEqual(day, expected.slice(0, 50))
      const combined = await adminGet(app, admin, `/admin/audit/?actor=${admin.user.id}&action=article.publish&from=2026-11-22`)
      assert.ok(rowsOf(combined.body).every((n) => n % 6 === 0))
      assert.match(combined.body, /<option value="article.publish" selected>/)
      assert.match(combined.body, /Clear filters/)
    })

    it('answers bad filters with 400 and a message next to the field, keeping what was typed', async (t) => {
      const app = await build(t, dialect)
      const admin = await loginAs(app, 'administrator')
      const res = await adminGet(app, admin, '/admin/audit/?from=2026-02-30&to=yesterday&actor=x')
      assert.equal(res.statusCode, 400)
      assert.match(res.body, /id="from-error">Please enter a date like 2022-02-03/)
      assert.match(res.body, /id="to-error">Please enter a date like 2022-02-03/)
      assert.match(res.body, /value="yesterday"/)
      const cursor = await adminGet(app, admin, '/admin/audit/?before=garbage')
      assert.equal(cursor.statusCode, 400)
      assert.match(cursor.body, /That page link is not valid/)
    })
  })

  describe('dashboard', () => {
    it('counts articles by status and pending comments, and shows recent activity to editors', async (t) => {
      const app = await build(t, dialect)
      // Through the login form, so that the login itself is in the recent activity.
      const editor = await login(app, (await createTestUser(app, { role: 'editor' })).email)
      const author = await loginAs(app, 'author')
      await createArticle(app.deps, { edition: 'en', headline: 'A draft', lead: '', bodySource: 'x', status: 'draft', authorId: author.user.id })
      const published = await createArticle(app.deps, { edition: 'en', headline: 'Out now', lead: '', bodySource: 'x', status: 'published', publishedAt: '2026-11-26T08:00:00.000Z' })
      for (let i = 0; i < 3; i++) {
        await app.deps.db.insertInto('comments').values({ article_id: published.id, author_name: 'R', author_email: 'r@example.org', body: 'Hi', body_html: '<p>Hi</p>', status: 'pending', created_at: app.clock().toISOString() }).execute()
      }
      const page = await adminGet(app, editor, '/admin/')
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /<span class="stat-number">1<\/span><span class="stat-label">Drafts<\/span>/)
      assert.match(page.body, /<span class="stat-number">1<\/span><span class="stat-label">Published<\/span>/)
      assert.match(page.body, /3 comments awaiting moderation/)
      assert.match(page.body, /<span class="badge"[^>]*>3</, 'the navigation badge')
      assert.match(page.body, /Recent activity/)
      assert.match(page.body, /Logged in/)

      // An author sees their own articles, and no moderation or activity panels.
      const own = await adminGet(app, author, '/admin/')
      assert.match(own.body, /Your articles/)
      assert.match(own.body, /<span class="stat-number">0<\/span><span class="stat-label">Published<\/span>/)
      assert.doesNotMatch(own.body, /awaiting moderation|Recent activity|class="badge"/)
    })
  })

  describe('your profile', () => {
    it('changes your display name, and refuses an empty one with 400', async (t) => {
      const app = await build(t, dialect)
      const author = await loginAs(app, 'author')
      const bad = await adminPost(app, author, '/admin/profile/name/', { display_name: '   ' })
      assert.equal(bad.statusCode, 400)
      assert.match(bad.body, /id="display_name-error">Please fill in this field/)
      const ok = await adminPost(app, author, '/admin/profile/name/', { display_name: 'Anna Author' })
      assert.equal(ok.statusCode, 303)
      assert.match((await adminGet(app, author, '/admin/profile/?notice=profileSaved')).body, /Your name is saved\.[\s\S]*Anna Author/)
    })

    it('changes your password only with the current one, and logs out your other sessions', async (t) => {
      const app = await build(t, dialect)
      const me = await loginAs(app, 'editor')
      const otherDevice = await login(app, me.user.email)
      const wrong = await adminPost(app, me, '/admin/profile/password/', { current_password: 'not my password', password: 'a brand new passphrase', password_confirm: 'a brand new passphrase' })
      assert.equal(wrong.statusCode, 400)
      assert.match(wrong.body, /id="current_password-error">This is not your current password/)
      const mismatch = await adminPost(app, me, '/admin/profile/password/', { current_password: 'correct horse battery staple', password: 'a brand new passphrase', password_confirm: 'a brand new passphrasE' })
      assert.equal(mismatch.statusCode, 400)
      assert.match(mismatch.body, /id="password_confirm-error">The two passwords do not match/)
      const ok = await adminPost(app, me, '/admin/profile/password/', { current_password: 'correct horse battery staple', password: 'a brand new passphrase', password_confirm: 'a brand new passphrase' })
      assert.equal(ok.statusCode, 303)
      assert.equal((await adminGet(app, me, '/admin/')).statusCode, 200, 'this session stays')
      assert.equal((await adminGet(app, otherDevice, '/admin/')).statusCode, 303, 'the other session ended')
      await login(app, me.user.email, 'a brand new passphrase')
    })

    it('throttles guessing the current password like failed logins', async (t) => {
      const app = await build(t, dialect)
      const me = await loginAs(app, 'editor')
      for (let i = 0; i < 5; i++) {
        assert.equal((await adminPost(app, me, '/admin/profile/password/', { current_password: `guess ${i}`, password: 'a brand new passphrase', password_confirm: 'a brand new passphrase' })).statusCode, 400)
      }
      const throttled = await adminPost(app, me, '/admin/profile/password/', { current_password: 'correct horse battery staple', password: 'a brand new passphrase', password_confirm: 'a brand new passphrase' })
      assert.equal(throttled.statusCode, 429)
      assert.ok(throttled.headers['retry-after'])
    })

    it('counts current-password guesses sent in parallel, and a right one clears the count', async (t) => {
      const app = await build(t, dialect)
      const me = await loginAs(app, 'editor')
      const answers = await Promise.all(Array.from({ length: 12 }, (_, i) =>
        adminPost(app, me, '/admin/profile/password/', { current_password: `parallel guess ${i}`, password: 'a brand new passphrase', password_confirm: 'a brand new passphrase' })))
      assert.deepEqual(answers.map((r) => r.statusCode).sort(), [...Array(5).fill(400), ...Array(7).fill(429)])
      const failures = async () => (await app.deps.db.selectFrom('login_failures').selectAll().where('email', '=', me.user.email).execute()).length
      assert.equal(await failures(), 5)
      app.clock.advance(60 * 60 * 1000)
      const changed = await adminPost(app, me, '/admin/profile/password/', { current_password: 'correct horse battery staple', password: 'a brand new passphrase', password_confirm: 'a brand new passphrase' })
      assert.equal(changed.statusCode, 303)
      assert.equal(await failures(), 0)
    })
  })

  describe('admin responses', () => {
    it('answers unknown admin pages with an admin 404 that is never cached', async (t) => {
      const app = await build(t, dialect)
      const admin = await loginAs(app, 'administrator')
      const res = await adminGet(app, admin, '/admin/no-such-screen/')
      assert.equal(res.statusCode, 404)
      assert.equal(res.headers['cache-control'], 'private, no-store')
      assert.match(res.body, /class="admin-nav"/)
      assert.equal((await adminGet(app, admin, '/admin/users/424242/')).statusCode, 404)
    })
  })
})
