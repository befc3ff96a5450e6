import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseWireDocument } from '../../../src/domain/wire/parse-wire-document.js'
import type { WireItem } from '../../../src/domain/wire/wire-item.js'
import { corpusFolder, FEEDS_CORPUS, WIRE_CORPUS } from './corpus.js'

const wire = corpusFolder(WIRE_CORPUS)
const feeds = corpusFolder(FEEDS_CORPUS)

function only(file: string): WireItem {
  const result = parseWireDocument(readFileSync(join(wire!, file)))
  assert.ok(result.ok, `${file}: ${result.ok ? '' : result.reason}`)
  assert.equal(result.items.length, 1, file)
  return result.items[0]!
}

describe('the wire corpus', { skip: !wire }, () => {
  it('reads or refuses every file, with a reason for each refusal', () => {
    for (const file of readdirSync(wire!).filter((f) => !f.endsWith('.md'))) {
      const result = parseWireDocument(readFileSync(join(wire!, file)))
      if (result.ok) {
        assert.ok(result.items.length + result.skipped.length > 0, file)
        for (const item of result.items) {
          assert.ok(item.agencyId && item.headline, file)
          assert.doesNotMatch(item.bodyHtml, /<script|<header|onerror=/i, file)
        }
      } else {
        assert.ok(result.reason.length > 10, file)
      }
    }
  })

  it('IPTC example: version, embargo, zones, located city, two medtop subjects, empty body', () => {
    const item = only('LISTING-1-A-NewsML-G2-News-Item.xml')
    assert.equal(item.format, 'newsml-g2')
    assert.equal(item.agencyId, 'urn:newsml:acmenews.com:20161018:US-FINANCE-FED')
    assert.equal(item.version, 9)
    assert.equal(item.headline, 'Fed to halt QE to avert "bubble"')
    assert.equal(item.slugline, 'US-Finance-Fed')
    assert.equal(item.versionCreated, '2016-10-21T21:25:32.000Z')
    assert.equal(item.firstCreated, '2016-10-18T18:12:21.000Z')
    assert.equal(item.embargoUntil, '2016-10-23T12:00:00.000Z')
    assert.equal(item.dateline, 'Berlin')
    assert.equal(item.byline, 'Meredith Jameson')
    assert.equal(item.language, 'en-gb')
    assert.deepEqual(item.subjects.map((s) => s.code), ['medtop:04000000', 'medtop:20000523'])
    assert.equal(item.bodyHtml, '')
  })

  it('AFP NewsML 1: UTF-8 bytes under an iso-8859-1 declaration read as UTF-8', () => {
    const item = only('afp20.xml')
    assert.equal(item.format, 'newsml-1')
    assert.equal(item.headline, "Décès de Naomi Musenga: l'opératrice du Samu définitivement condamnée")
    assert.equal(item.agencyId, 'urn:newsml:afp.com:20240710:240710125902.qpsp2jzk')
    assert.equal(item.version, 1)
    assert.equal(item.dateline, 'Strasbourg, 10 juil 2024 (AFP)')
    assert.equal(item.firstCreated, '2024-07-10T12:59:02.000Z')
    assert.equal(item.language, 'fr')
    assert.match(item.bodyHtml, /^<p>L'opératrice du Samu/)
  })

  it('ANSA: newsMessage, urgency 5, "+0100" offsets, sub-headline kept out, HTML inside a text/plain CDATA', () => {
    const item = only('ansa-newsmlg2-text.xml')
    assert.equal(item.headline, 'Catalan independence declaration unacceptable - Alfano')
    assert.equal(item.urgency, 5)
    assert.equal(item.firstCreated, '2017-10-11T09:41:00.000Z')
    assert.equal(item.dateline, 'Rome')
    assert.match(item.bodyHtml, /^<p>[\s\S]*\(ANSA\) - Rome, October 11/)
    assert.doesNotMatch(item.bodyHtml, /&lt;p&gt;/)
  })

  it('STT: version 4, xhtml body in the G2 namespace, double-escaped entities read once more', () => {
    const item = only('stt_newsml_test.xml')
    assert.equal(item.version, 4)
    assert.equal(item.dateline, 'Helsinki')
    assert.match(item.bodyHtml, /<h2>Also the unemployment law went through<\/h2>/)
    assert.doesNotMatch(item.bodyHtml, /&amp;#39;|&amp;quot;/)
  })

  it('STT location item: an empty headline falls back to the body, empty dates to content dates', () => {
    const item = only('stt_newsml_location_test.xml')
    assert.ok(item.headline.length > 10)
    assert.ok(item.versionCreated)
    const codes = item.subjects.map((s) => s.code)
    assert.equal(codes.length, new Set(codes).size, 'duplicate subjects are dropped')
  })

  it('dpa: urgency 4, located London, the XHTML header stays out of the body, the NBSP paragraph goes', () => {
    const item = only('dpa.xml')
    assert.equal(item.urgency, 4)
    assert.equal(item.language, 'de')
    assert.match(item.bodyHtml, /^<p>London \(dpa\) - 2019 gab es bittere Tränen/)
    assert.doesNotMatch(item.bodyHtml, /11\.10\.2022 11:14|slugline|<h1|<h2>Eintracht/)
    assert.doesNotMatch(item.bodyHtml, /<p>(\s|&nbsp;|\u00a0)*<\/p>/)
    assert.ok(item.subjects.some((s) => s.code === 'medtop:20001065'))
  })

  it('ninjs (Superdesk): version as a string, urgency, "+0000" dates, lead from description_text', () => {
    const item = only('ninjs1.json')
    assert.equal(item.format, 'ninjs')
    assert.equal(item.version, 2)
    assert.equal(item.urgency, 3)
    assert.equal(item.lead, 'abstract')
    assert.equal(item.byline, 'Peter and Jane')
    assert.equal(item.versionCreated, '2017-08-24T04:38:34.000Z')
    assert.equal(item.dateline, 'Milton Keynes')
    assert.equal(item.bodyHtml, '<p>The story so far.</p>')
  })

  it('ninjs: a picture item is refused as not text; the BBC envelope yields its advisory', () => {
    const picture = parseWireDocument(readFileSync(join(wire!, 'ninjs3.json')))
    assert.ok(picture.ok)
    assert.equal(picture.items.length, 0)
    assert.match(picture.skipped[0]!.reason, /picture item, not text/)
    const bbc = only('bbc-ninjs-text-test.json')
    assert.equal(bbc.agencyId, 'https://www.example.com//12345')
    assert.equal(bbc.firstCreated, '2018-05-28T16:40:08.000Z')
    assert.deepEqual(bbc.subjects, [{ code: 'category:planning-permission', name: 'Planning Permission' }])
  })

  it('AP NITF: byline with its title, dateline location, an id derived when doc-id has none', () => {
    const item = only('ap-nitf.xml')
    assert.equal(item.byline, 'By BERNARD CONDON, AP Business Writer')
    assert.equal(item.dateline, 'NEW YORK')
    assert.match(item.agencyId, /^nitf:AP:[0-9a-f]{24}$/)
    assert.equal(item.versionCreated, '2015-12-10T19:10:44.000Z')
    assert.match(item.bodyHtml, /^<p>NEW YORK \(AP\) — The gas/)
  })

  it('EFE NITF: evloc city as dateline, urgency 5, abstract, IPTC and agency subjects', () => {
    const item = only('efe_nitf.xml')
    assert.equal(item.agencyId, '22751909')
    assert.equal(item.dateline, 'Tegucigalpa')
    assert.equal(item.urgency, 5)
    assert.equal(item.lead, 'Test Abstract')
    assert.deepEqual(item.subjects.map((s) => s.code), ['iptc:11006005', 'efe:F01001000'])
  })

  it('NTB NITF: numeric references decoded, escaped embed code stays text', () => {
    const item = only('nitf-ntb.xml')
    assert.equal(item.language, 'nb-no')
    assert.equal(item.byline, 'Geir Molnes / Faktisk.no')
    assert.match(item.bodyHtml, /<h2>Påstand<\/h2>/)
    assert.doesNotMatch(item.bodyHtml, /<script|<iframe/i)
  })

  it('AAP NITF: +1100 offsets, empty paragraphs dropped, subjects with their detail', () => {
    const item = only('aap.xml')
    assert.equal(item.firstCreated, '2013-10-20T08:27:51.000Z')
    assert.equal(item.dateline, 'Sydney')
    assert.equal(item.embargoUntil, null, 'a release time equal to the issue time is no embargo')
    assert.doesNotMatch(item.bodyHtml, /<p>\s*<\/p>/)
    assert.deepEqual(item.subjects[0], { code: 'iptc:02003001', name: 'law enforcement' })
  })

  it('PA NITF: inline semantic markup unwrapped, its text kept', () => {
    const item = only('pa1.xml')
    assert.equal(item.urgency, 4)
    assert.match(item.bodyHtml, /2004: Australia spinner Shane Warne equalled/)
    assert.doesNotMatch(item.bodyHtml, /<person|<location/)
  })
})

describe('the feeds corpus', { skip: !feeds }, () => {
  it('reads or refuses every feed, with a reason for each refusal', () => {
    for (const file of readdirSync(feeds!)) {
      const result = parseWireDocument(readFileSync(join(feeds!, file)))
      if (!result.ok) {
        assert.match(result.reason, /./, file)
        continue
      }
      for (const item of result.items) assert.ok(item.agencyId && item.headline, file)
    }
  })

  it('latin-1 declared feed: accented text decoded', () => {
    const result = parseWireDocument(readFileSync(join(feeds!, 'encoding.rss')))
    assert.ok(result.ok)
    assert.equal(result.format, 'rss')
    assert.ok(result.items.length > 10)
    const text = result.items.map((i) => i.headline + i.bodyHtml).join(' ')
    assert.doesNotMatch(text, /\uFFFD|Ã/)
    assert.match(text, /[áàâãçéêíóôõú]/)
  })

  it('an HTML error page served as a feed is refused with its root element', () => {
    const result = parseWireDocument(readFileSync(join(feeds!, 'unrecognized.rss')))
    assert.equal(result.ok, false)
    assert.match(result.ok ? '' : result.reason, /root element is <head>/)
  })

  it('Atom entries with no title and no text are skipped with their reason', () => {
    const result = parseWireDocument(readFileSync(join(feeds!, 'missing-fields.atom')))
    assert.ok(result.ok)
    assert.equal(result.items.length, 0)
    assert.match(result.skipped[0]!.reason, /no headline/)
  })

  it('RSS 1.0 (RDF) and Atom both read, with links and times', () => {
    const rdf = parseWireDocument(readFileSync(join(feeds!, 'rss-1.rss')))
    assert.ok(rdf.ok && rdf.items.length > 0 && rdf.items[0]!.url)
    const atom = parseWireDocument(readFileSync(join(feeds!, 'heise.atom')))
    assert.ok(atom.ok && atom.format === 'atom')
    assert.ok(atom.items.every((i) => i.versionCreated && i.url))
  })
})
