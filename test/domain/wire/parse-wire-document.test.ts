import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { assertLinearTime } from '../../linear-time.js'
import { parseWireDocument, rootElementName } from '../../../src/domain/wire/parse-wire-document.js'
import { decodeDocument } from '../../../src/domain/wire/encoding.js'
import { parseWireDate, parseUrgency } from '../../../src/domain/wire/wire-text.js'
import { WIRE_LIMITS } from '../../../src/domain/wire/wire-item.js'

const bytes = (text: string) => new TextEncoder().encode(text)

function rss(items: string, head = '<?xml version="1.0" encoding="UTF-8"?>') {
  return `${head}<rss version="2.0"><channel><title>Agency</title><language>en</language>${items}</channel></rss>`
}

describe('parseWireDate', () => {
  it('reads ISO, basic, colon-less and RFC 822 forms into UTC', () => {
    assert.equal(parseWireDate('2016-10-21T16:25:32-05:00'), '2016-10-21T21:25:32.000Z')
    assert.equal(parseWireDate('20240710T125902Z'), '2024-07-10T12:59:02.000Z')
    assert.equal(parseWireDate('2017-10-11T10:41:00+0100'), '2017-10-11T09:41:00.000Z')
    assert.equal(parseWireDate('20131020T192751+1100'), '2013-10-20T08:27:51.000Z')
    assert.equal(parseWireDate('Wed, 03 Jan 2018 14:11:52 GMT'), '2018-01-03T14:11:52.000Z')
    assert.equal(parseWireDate('3 Jan 2018 14:11 +0400'), '2018-01-03T10:11:00.000Z')
    assert.equal(parseWireDate('2018-05-28T16:40:08'), '2018-05-28T16:40:08.000Z')
  })

  it('gives null for empty, unreadable or absurd dates', () => {
    for (const value of ['', '   ', 'yesterday', '2016-13-45T99:99:99Z', null, undefined]) assert.equal(parseWireDate(value), null)
  })
})

describe('parseUrgency', () => {
  it('keeps the IPTC 1–9 scale only', () => {
    assert.equal(parseUrgency(5), 5)
    assert.equal(parseUrgency(' 3 '), 3)
    assert.equal(parseUrgency(0), null)
    assert.equal(parseUrgency('10'), null)
    assert.equal(parseUrgency({}), null)
  })
})

describe('decodeDocument', () => {
  it('decodes gb2312 and latin2 as declared', () => {
    const gb = new Uint8Array([...bytes('<?xml version="1.0" encoding="gb2312"?><a>'), 0xd6, 0xd0, 0xce, 0xc4, ...bytes('</a>')])
    assert.match((decodeDocument(gb) as { text: string }).text, /中文/)
    const latin2 = new Uint8Array([...bytes('<?xml version="1.0" encoding="iso-8859-2"?><a>'), 0xb3, 0xf3, 0xbf, 0xea, ...bytes('</a>')])
    assert.match((decodeDocument(latin2) as { text: string }).text, /łóżę/)
  })

  it('reads UTF-8 bytes under a latin-1 label as UTF-8, and non-UTF-8 bytes under a UTF-8 label as windows-1252', () => {
    const wrongLabel = bytes('<?xml version="1.0" encoding="iso-8859-1"?><a>Décès</a>')
    assert.match((decodeDocument(wrongLabel) as { text: string }).text, /Décès/)
    const latinBytes = new Uint8Array([...bytes('<a>D'), 0xe9, ...bytes('c</a>')])
    const decoded = decodeDocument(latinBytes, 'utf-8')
    assert.ok(decoded.ok)
    assert.match(decoded.text, /Déc/)
  })

  it('refuses an encoding nobody knows', () => {
    const result = decodeDocument(bytes('<?xml version="1.0" encoding="x-martian"?><a/>'))
    assert.equal(result.ok, false)
  })
})

describe('parseWireDocument', () => {
  it('reads an RSS 2.0 item: guid, content, categories, times, link', () => {
    const result = parseWireDocument(bytes(rss(`<item><guid>urn:1</guid><title>Quake &amp; aftershocks</title>
      <link>https://agency.example/1</link><description>Short.</description><category>World</category>
      <pubDate>Wed, 03 Jan 2018 14:11:52 GMT</pubDate>
      <content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[<p>Body <script>alert(1)</script><b onclick="x()">bold</b></p>]]></content:encoded></item>`)))
    assert.ok(result.ok)
    const item = result.items[0]!
    assert.equal(item.agencyId, 'urn:1')
    assert.equal(item.headline, 'Quake & aftershocks')
    assert.equal(item.lead, 'Short.')
    assert.equal(item.bodyHtml, '<p>Body <b>bold</b></p>')
    assert.equal(item.url, 'https://agency.example/1')
    assert.equal(item.language, 'en')
    assert.equal(item.firstCreated, '2018-01-03T14:11:52.000Z')
    assert.deepEqual(item.subjects, [{ code: null, name: 'World' }])
  })

  it('reads a JSON Feed 1.1 item', () => {
    const feed = { version: 'https://jsonfeed.org/version/1.1', title: 'Agency', language: 'hy', items: [{ id: 'a1', title: 'Title', content_text: 'One.\n\nTwo.', date_published: '2026-11-26T10:00:00+04:00', url: 'https://agency.example/a1', tags: ['Politics'], authors: [{ name: 'A. Writer' }] }] }
    const result = parseWireDocument(bytes(JSON.stringify(feed)))
    assert.ok(result.ok)
    assert.equal(result.format, 'json-feed')
    const item = result.items[0]!
    assert.equal(item.bodyHtml, '<p>One.</p><p>Two.</p>')
    assert.equal(item.firstCreated, '2026-11-26T06:00:00.000Z')
    assert.equal(item.byline, 'A. Writer')
    assert.equal(item.language, 'hy')
  })

  it('reads a ninjs 2 item with headlines and bodies lists and an embargo', () => {
    const ninjs = { uri: 'urn:x:1', version: '3', type: 'text', headlines: [{ role: 'main', value: 'Main' }], bodies: [{ contenttype: 'text/html', value: '<p>Hi</p>' }], embargoed: '2026-12-01T00:00:00Z', urgency: 2 }
    const result = parseWireDocument(bytes(JSON.stringify(ninjs)))
    assert.ok(result.ok)
    assert.deepEqual([result.items[0]!.headline, result.items[0]!.bodyHtml, result.items[0]!.embargoUntil, result.items[0]!.urgency], ['Main', '<p>Hi</p>', '2026-12-01T00:00:00.000Z', 2])
  })

  it('keeps NITF markup to the article allowlist: javascript: links and images lose their URLs', () => {
    const nitf = `<nitf><head><docdata><doc-id id-string="X1"/></docdata></head><body><body.head><hedline><hl1>H</hl1></hedline></body.head>
      <body.content><p>See <a href="javascript:alert(1)">this</a> &lt;script&gt;alert(2)&lt;/script&gt;</p><img src="javascript:x" alt="a"/></body.content></body></nitf>`
    const result = parseWireDocument(bytes(nitf))
    assert.ok(result.ok)
    const html = result.items[0]!.bodyHtml
    assert.doesNotMatch(html, /javascript|<script/)
    assert.match(html, /&lt;script&gt;alert\(2\)&lt;\/script&gt;/, 'escaped markup stays text')
  })

  it('refuses what it cannot read, with a reason, and never throws', () => {
    const cases: Array<[string, RegExp]> = [
      ['', /empty/],
      ['<html><body>Not found</body></html>', /root element is <html>/],
      ['<nitf><head>', /not well-formed/],
      ['{"hello": 1}', /neither a JSON Feed nor a ninjs/],
      ['{"broken', /not valid JSON/],
      ['<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaa">]><rss><channel><item><title>&a;</title></item></channel></rss>', /entities/],
      ['<nitf><body><body.content><p>text</p></body.content></body></nitf>', /no identifier/],
      ['<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet/></newsMessage>', /no items/]
    ]
    for (const [input, reason] of cases) {
      const result = parseWireDocument(bytes(input))
      assert.equal(result.ok, false, input)
      assert.match(result.ok ? '' : result.reason, reason, input)
    }
  })

  it('refuses documents over the size limit and nesting deeper than the limit', () => {
    const big = new Uint8Array(WIRE_LIMITS.documentBytes + 1).fill(0x20)
    assert.match((parseWireDocument(big) as { reason: string }).reason, /larger than/)
    const deep = '<nitf>' + '<p>'.repeat(5000) + 'x' + '</p>'.repeat(5000) + '</nitf>'
    assert.match((parseWireDocument(bytes(deep)) as { reason: string }).reason, /nested deeper/)
  })

  it('finds the root element past the declaration, comments and doctype', () => {
    assert.equal(rootElementName('<?xml version="1.0"?>\n<!-- c --><!DOCTYPE nitf SYSTEM "x.dtd"><nitf>'), 'nitf')
    assert.equal(rootElementName('   '), null)
  })

  it('parses in linear time: four times the items takes about four times as long, not sixteen', () => {
    const doc = (n: number) => bytes(rss(Array.from({ length: n }, (_, i) => `<item><guid>g${i}</guid><title>Story ${i}</title><description>&lt;p&gt;Text ${i} with &lt;b&gt;markup&lt;/b&gt;&lt;/p&gt;</description></item>`).join('')))
    assertLinearTime('parsing a feed', parseWireDocument, doc(500), doc(2000))
  })
})
