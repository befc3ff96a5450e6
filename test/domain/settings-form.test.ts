import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { DEFAULT_SETTINGS } from '../../src/domain/settings.js'
import { parseSettingsForm, settingsFields, settingsToFormText, changedSettings } from '../../src/domain/settings-form.js'
import { decodeAuditCursor, encodeAuditCursor, parseAuditQuery } from '../../src/domain/audit-query.js'

describe('settings form', () => {
  it('has a field for every setting, including ones added later', () => {
    assert.deepEqual(settingsFields().map((f) => f.key).sort(), Object.keys(DEFAULT_SETTINGS).sort())
  })

  it('reads back exactly what it shows', () => {
    const result = parseSettingsForm(settingsToFormText(DEFAULT_SETTINGS), DEFAULT_SETTINGS)
    assert.ok(result.ok)
    assert.deepEqual(changedSettings(DEFAULT_SETTINGS, result.values), {})
  })

  it('refuses a field sent twice rather than picking one', () => {
    const result = parseSettingsForm({ ...settingsToFormText(DEFAULT_SETTINGS), siteName: ['A', 'B'] }, DEFAULT_SETTINGS)
    assert.equal(result.ok, false)
    assert.deepEqual(!result.ok && result.errors.siteName, { key: 'admin.form.singleValue' })
  })

  it('canonicalises time zones and strips a trailing slash from the site URL', () => {
    const result = parseSettingsForm({ ...settingsToFormText(DEFAULT_SETTINGS), timeZone: 'europe/london', siteUrl: 'https://news.example.org/ru/' }, DEFAULT_SETTINGS)
    assert.ok(result.ok)
    assert.equal(result.values.timeZone, 'Europe/London')
    assert.equal(result.values.siteUrl, 'https://news.example.org/ru')
  })

  it('refuses a site URL with a query, fragment or credentials', () => {
    for (const siteUrl of ['https://example.org/?a=1', 'https://example.org/#x', 'https://u:p@example.org', 'javascript:alert(1)', 'example.org']) {
      const result = parseSettingsForm({ ...settingsToFormText(DEFAULT_SETTINGS), siteUrl }, DEFAULT_SETTINGS)
      assert.equal(result.ok, false, siteUrl)
    }
  })
})

describe('audit query', () => {
  it('round-trips its cursor and refuses garbage', () => {
    const cursor = { createdAt: '2026-11-26T10:00:00.123Z', id: 42 }
    assert.deepEqual(decodeAuditCursor(encodeAuditCursor(cursor)), cursor)
    assert.equal(decodeAuditCursor('1-x'), null)
    assert.equal(decodeAuditCursor('99999999999999999-1'), null)
  })

  it('turns site-zone days into UTC instants', () => {
    const q = parseAuditQuery({ from: '2022-02-03', to: '2022-02-03' }, 'Asia/Yerevan')
    assert.deepEqual(q.filters, { from: '2022-02-02T20:00:00.000Z', to: '2022-02-03T20:00:00.000Z' })
  })
})
