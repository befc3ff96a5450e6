import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createReadStream, readFileSync } from 'node:fs'
import { Readable } from 'node:stream'
import { readWxr, scanWxr, WxrError, type WxrItem, type WxrRecord } from '../../src/domain/wxr-reader.js'
import { wxrCorpus, wxrPath } from '../wxr-corpora.js'

async function readAll(source: AsyncIterable<string | Buffer>): Promise<WxrRecord[]> {
  const out: WxrRecord[] = []
  for await (const r of readWxr(source)) out.push(r)
  return out
}

const fromString = (xml: string, chunk = 7): AsyncIterable<Buffer> => {
  const bytes = Buffer.from(xml, 'utf8')
  const parts: Buffer[] = []
  for (let i = 0; i < bytes.length; i += chunk) parts.push(bytes.subarray(i, i + chunk))
  return Readable.from(parts)
}

const items = (records: WxrRecord[]): WxrItem[] => records.flatMap((r) => r.kind === 'item' ? [r.item] : [])

async function refusal(source: AsyncIterable<string | Buffer>): Promise<WxrError> {
  try {
    await readAll(source)
  } catch (error) {
    assert.ok(error instanceof WxrError, `expected a WxrError, got ${String(error)}`)
    return error
  }
  assert.fail('the file was accepted')
}

const corpus = wxrCorpus()

/** What each corpus file holds (WXR version, authors, terms, items), or where it is refused. */
const EXPECTED: Record<string, { version: string, authors: number, terms: number, items: number } | { refused: RegExp, line: number }> = {
  'importer-a11y-unit-test-data.xml': { version: '1.2', authors: 0, terms: 93, items: 154 },
  'importer-authors-multiline.xml': { version: '1.2', authors: 3, terms: 0, items: 1 },
  'importer-backslashes.xml': { version: '1.2', authors: 0, terms: 0, items: 1 },
  'importer-blank-lines.xml': { version: '1.2', authors: 0, terms: 0, items: 1 },
  'importer-cdata-edge.xml': { version: '1.2', authors: 0, terms: 0, items: 1 },
  'importer-chunked-meta.xml': { version: '1.2', authors: 0, terms: 0, items: 1 },
  'importer-crazy-cdata-escaped.xml': { version: '1.1', authors: 0, terms: 0, items: 1 },
  // "]]>" inside text is not XML; WordPress reads this one only through its regular-expression fallback.
  'importer-crazy-cdata.xml': { refused: /"\]\]>" is disallowed/, line: 18 },
  'importer-invalid-version-tag.xml': { refused: /Unknown WXR version "abc"/, line: 36 },
  'importer-large-authors.xml': { version: '1.2', authors: 300, terms: 0, items: 0 },
  'importer-malformed-simple.xml': { refused: /unclosed tag: item/, line: 14 },
  'importer-malformed.xml': { refused: /unexpected close tag/, line: 90 },
  'importer-missing-tags.xml': { version: '1.2', authors: 0, terms: 0, items: 1 },
  'importer-missing-version-tag.xml': { refused: /WXR version \(wp:wxr_version\) is missing/, line: 35 },
  'importer-multiple-cdata.xml': { version: '1.2', authors: 0, terms: 0, items: 1 },
  'importer-namespace-edge-cases.xml': { version: '1.2', authors: 2, terms: 2, items: 6 },
  'importer-post-content-blank-lines.xml': { version: '1.1', authors: 1, terms: 0, items: 1 },
  'importer-slashes.xml': { version: '1.1', authors: 1, terms: 2, items: 1 },
  'importer-small-export.xml': { version: '1.1', authors: 3, terms: 33, items: 11 },
  'importer-term-formats.xml': { version: '1.2', authors: 0, terms: 7, items: 0 },
  'importer-term-meta.xml': { version: '1.2', authors: 0, terms: 1, items: 0 },
  'importer-test-serialized-comment-meta.xml': { version: '1.0', authors: 0, terms: 0, items: 1 },
  'importer-test-serialized-postmeta-no-cdata.xml': { version: '1.0', authors: 0, terms: 0, items: 1 },
  'importer-test-serialized-postmeta-with-cdata.xml': { version: '1.0', authors: 0, terms: 0, items: 1 },
  'importer-test-serialized-term-meta.xml': { version: '1.0', authors: 0, terms: 3, items: 1 },
  'importer-test-utw-post-meta-import.xml': { version: '1.0', authors: 0, terms: 0, items: 1 },
  'importer-theme-unit-test-data.xml': { version: '1.2', authors: 2, terms: 185, items: 186 },
  'importer-valid-wxr-1.0.xml': { version: '1.0', authors: 0, terms: 9, items: 6 },
  'importer-valid-wxr-1.1.xml': { version: '1.1', authors: 1, terms: 3, items: 2 },
  'importer-wxr-flat-attachment-different-site.xml': { version: '1.2', authors: 1, terms: 0, items: 2 },
  'importer-wxr-flat-attachment-same-site.xml': { version: '1.2', authors: 1, terms: 0, items: 2 },
  'importer-wxr-simple.xml': { version: '1.2', authors: 1, terms: 0, items: 1 },
  'importer-wxr-utf-8-challenges.xml': { version: '1.2', authors: 1, terms: 0, items: 1 },
  'importer-wxr-with-sub-data.xml': { version: '1.1', authors: 0, terms: 1, items: 1 },
  'themeunittestdata.wordpress.xml': { version: '1.2', authors: 2, terms: 185, items: 186 }
}

describe('readWxr over every corpus file', { skip: corpus.skip }, () => {
  it('knows every file of the corpus', () => {
    assert.deepEqual(corpus.files, Object.keys(EXPECTED).sort())
  })

  for (const file of corpus.files) {
    const expected = EXPECTED[file]
    it(`${file}: ${expected && 'refused' in expected ? 'is refused with the line' : 'yields its header, authors, terms and items'}`, async () => {
      assert.ok(expected, `no expectation for ${file}`)
      // Small chunks: every record and every multi-byte character crosses chunk boundaries somewhere.
      const source = createReadStream(wxrPath(file), { highWaterMark: 1000 })
      if ('refused' in expected) {
        const error = await refusal(source)
        assert.match(error.message, expected.refused)
        assert.equal(error.line, expected.line)
        return
      }
      const scan = await scanWxr(source)
      assert.deepEqual({ version: scan.header.version, authors: scan.authors, terms: scan.terms, items: scan.items }, expected)
    })
  }

  it('keeps every single-CDATA post content byte for byte (backslashes, blank lines, multi-byte text)', async () => {
    let compared = 0
    for (const file of corpus.files) {
      const expected = EXPECTED[file]
      if (!expected || 'refused' in expected) continue
      const raw = readFileSync(wxrPath(file), 'utf8')
      const contents = [...raw.matchAll(/<content:encoded><!\[CDATA\[([\s\S]*?)\]\]><\/content:encoded>/g)].map((m) => m[1]!)
        // A split CDATA ("]]]]><![CDATA[>") is not the text it stands for; its own test below checks it.
        .filter((c) => !c.includes(']]>'))
      if (contents.length === 0) continue
      const read = new Set(items(await readAll(createReadStream(wxrPath(file), { highWaterMark: 333 }))).map((i) => i.content))
      for (const content of contents) assert.ok(read.has(content), `${file}: ${JSON.stringify(content.slice(0, 80))} not read as written`)
      compared += contents.length
    }
    assert.ok(compared > 300, `only ${compared} contents compared`)
  })

  it('joins WordPress\'s split CDATA back into the nested "]]>" it stands for', async () => {
    const [item] = items(await readAll(createReadStream(wxrPath('importer-crazy-cdata-escaped.xml'))))
    assert.equal(item!.content, 'Content with nested <![CDATA[ tags ]]> :)')
    assert.deepEqual(item!.meta, [
      { key: 'Plain string', value: 'Foo' },
      { key: 'Closing CDATA', value: ']]>' },
      { key: 'Alot of CDATA', value: 'This has <![CDATA[ opening and ]]> closing <![CDATA[ tags like this: ]]>' }
    ])
  })

  it('keeps backslashes and quotes as written', async () => {
    const [a] = items(await readAll(createReadStream(wxrPath('importer-backslashes.xml'))))
    assert.equal(a!.content, 'C:\\xampp\\htdocs\\wp-content')
    const [b] = items(await readAll(createReadStream(wxrPath('importer-slashes.xml'))))
    assert.equal(b!.content, 'Slashes aren\\\'t \\"cool\\"')
  })

  it('reads adjacent CDATA sections as one text, and a near-terminator as text', async () => {
    const [multi] = items(await readAll(createReadStream(wxrPath('importer-multiple-cdata.xml'))))
    assert.equal(multi!.content, '\nline oneline twoline three\n')
    const [edge] = items(await readAll(createReadStream(wxrPath('importer-cdata-edge.xml'))))
    assert.equal(edge!.content, 'ends with sequence ]] >')
  })

  it('trims identifiers written over several lines', async () => {
    const records = await readAll(createReadStream(wxrPath('importer-authors-multiline.xml')))
    const authors = records.flatMap((r) => r.kind === 'author' ? [r.author] : [])
    assert.deepEqual(authors.map((a) => [a.id, a.login, a.email]), [[1, 'alice', 'alice@example.com'], [2, 'bob', 'bob@example.com'], [3, 'carol', 'carol@example.com']])
  })

  it('recognises WordPress elements by namespace, not by prefix', async () => {
    const records = await readAll(createReadStream(wxrPath('importer-namespace-edge-cases.xml')))
    const authors = records.flatMap((r) => r.kind === 'author' ? [r.author.login] : [])
    assert.deepEqual(authors, ['real_user', 'version_conflict'])
    const read = items(records)
    assert.deepEqual(read.map((i) => i.postId), [1, 2, 3, 4, null, 6])
    // A postmeta whose prefix was rebound to another namespace is not WordPress's.
    assert.deepEqual(read[0]!.meta, [{ key: 'normal_key', value: 'normal_value' }])
    const terms = records.flatMap((r) => r.kind === 'term' ? [r.term.slug] : [])
    assert.deepEqual(terms, ['old-version', 'new-version'])
  })

  it('reads items, their terms, meta and comments (small export)', async () => {
    const records = await readAll(createReadStream(wxrPath('importer-small-export.xml')))
    const header = records[0]
    assert.equal(header?.kind, 'header')
    if (header?.kind === 'header') assert.equal(header.header.baseSiteUrl, 'http://localhost/')
    const read = items(records)
    const withComments = read.filter((i) => i.comments.length > 0)
    assert.ok(withComments.length > 0)
    const hello = read.find((i) => i.postName === 'hello-world')!
    assert.equal(hello.postType, 'post')
    assert.equal(hello.status, 'publish')
    assert.ok(hello.terms.some((t) => t.domain === 'category'))
  })
})

describe('readWxr on hostile or broken input', () => {
  const wxr = (body: string, version = '1.2') => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/${version}/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><wp:wxr_version>${version}</wp:wxr_version>${body}</channel></rss>`

  it('keeps a multi-byte character split between two chunks whole', async () => {
    const content = 'Ереван – 🌲 Երևան'
    for (const size of [1, 2, 3, 5]) {
      const [item] = items(await readAll(fromString(wxr(`<item><wp:post_id>1</wp:post_id><content:encoded><![CDATA[${content}]]></content:encoded></item>`), size)))
      assert.equal(item!.content, content)
    }
  })

  it('refuses text that is not XML, with where', async () => {
    const error = await refusal(fromString('this is not xml'))
    assert.equal(error.line, 1)
    assert.match(error.message, /line 1, column \d+/)
  })

  it('refuses XML that is not an RSS export', async () => {
    const error = await refusal(fromString('<?xml version="1.0"?>\n<html><body/></html>'))
    assert.match(error.message, /not a WordPress export: the document is <html>/)
  })

  it('refuses an RSS feed without a WXR version', async () => {
    const error = await refusal(fromString('<rss version="2.0"><channel><title>A feed</title><item><title>x</title></item></channel></rss>'))
    assert.match(error.message, /WXR version/)
  })

  it('refuses a truncated file', async () => {
    const full = wxr('<item><wp:post_id>1</wp:post_id></item><item><wp:post_id>2</wp:post_id></item>')
    const error = await refusal(fromString(full.slice(0, full.indexOf('<item><wp:post_id>2') + 12)))
    assert.match(error.message, /unclosed tag/)
  })

  it('never expands entities declared in a DOCTYPE', async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version><item><title>&b;</title></item></channel></rss>`
    await refusal(fromString(bomb))
  })

  it('refuses an encoding other than UTF-8, and bytes that are not UTF-8', async () => {
    assert.match((await refusal(fromString('<?xml version="1.0" encoding="ISO-8859-1"?><rss/>'))).message, /only UTF-8/)
    const bytes = Buffer.concat([Buffer.from(wxr('<item><title>').slice(0, 200)), Buffer.from([0xff, 0xfe, 0x41])])
    assert.match((await refusal(Readable.from([bytes]))).message, /not valid UTF-8/)
  })

  it('refuses a field beyond the size limit instead of holding it', async () => {
    async function * huge (): AsyncGenerator<string> {
      yield wxr('').replace('</channel></rss>', '<item><content:encoded>')
      const block = 'x'.repeat(1024 * 1024)
      for (let i = 0; i < 20; i++) yield block
      yield '</content:encoded></item></channel></rss>'
    }
    assert.match((await refusal(huge())).message, /longer than/)
  })

  it('reads records one at a time, before the file ends', async () => {
    let sent = 0
    async function * endless (): AsyncGenerator<string> {
      yield wxr('').replace('</channel></rss>', '')
      for (;;) { sent++; yield `<item><wp:post_id>${sent}</wp:post_id></item>` }
    }
    let seen = 0
    for await (const r of readWxr(endless())) {
      if (r.kind === 'item') seen++
      if (seen === 1000) break
    }
    assert.ok(sent < 1010, `read ${sent} items to yield 1000`)
  })
})
