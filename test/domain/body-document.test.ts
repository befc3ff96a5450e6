// The body document on the server (issue 17): written as HTML the way ProseMirror's DOMSerializer writes
// it, read from HTML the way its DOMParser reads it with the schema's rules (both run here for real over
// a minimal DOM and compared), every node and mark surviving the round trip, what a body may not hold
// left out, JSON from clients checked, and every demo story, clipboard capture and XSS payload put through.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { Parser } from 'htmlparser2'
import { DOMParser, DOMSerializer, type Node as PMNode } from 'prosemirror-model'
import { corpus } from '../corpora.js'
import { assertLinearTime } from '../linear-time.js'
import { innerHtml, miniBody, miniDocument } from './minimal-dom.js'
import { MAX_BODY_NESTING, renderArticleBody } from '../../src/domain/article-body.js'
import { bodySchema } from '../../src/domain/body-schema.js'
import {
  BodyDocumentError, bodyText, documentToHtml, htmlToDocument, isBodyDocumentSource, markdownToDocument, MAX_BODY_HTML_LENGTH,
  parseBodyDocument, toBodyDocumentSource, type BodyDoc, type BodyJsonNode
} from '../../src/domain/body-document.js'
import { cleanPastedHtml, clipboardFragment } from '../../src/domain/paste-clean.js'
import { DEMO_DAYS } from '../../src/demo/stories.js'
import { STORY_TRANSLATIONS } from '../../src/demo/story-translations.js'
import { MODEL_ARTICLE, MODEL_DAY_NEIGHBOURS } from '../../src/demo/model-article.js'
import { MODEL_ARTICLE_HY, MODEL_ARTICLE_RU, MODEL_DAY_NEIGHBOURS_TRANSLATED } from '../../src/demo/model-article-translations.js'

// ---------------------------------------------------------------------------------------------------
// Documents and what ProseMirror itself does with them.

const text = (value: string, ...marks: (string | { type: string, attrs: Record<string, unknown> })[]): BodyJsonNode =>
  marks.length ? { type: 'text', text: value, marks: marks.map((m) => (typeof m === 'string' ? { type: m } : m)) } : { type: 'text', text: value }
const node = (type: string, attrs: Record<string, unknown> | null, ...content: BodyJsonNode[]): BodyJsonNode =>
  ({ type, ...(attrs ? { attrs } : {}), ...(content.length ? { content } : {}) })
const p = (...content: BodyJsonNode[]) => node('paragraph', null, ...content)
const doc = (...content: BodyJsonNode[]): BodyDoc => ({ type: 'doc', content })
const link = (href: string, title: string | null = null) => ({ type: 'link', attrs: { href, title } })
const cell = (type: 'table_cell' | 'table_header', attrs: Record<string, unknown>, ...content: BodyJsonNode[]) =>
  node(type, { colspan: 1, rowspan: 1, colwidth: null, ...attrs }, ...content)
const picture = (attrs: Record<string, unknown>) =>
  node('picture', { mediaId: null, src: '/media/1-abc/640.webp', srcset: '', width: null, height: null, alt: '', caption: '', credit: '', ...attrs })

/** One of everything the schema holds, each attribute used, marks nested and adjacent. */
const EVERY_NODE: BodyDoc = doc(
  node('heading', { level: 2 }, text('Background & “context”')),
  node('heading', { level: 3 }, text('Details')),
  p(
    text('Plain '), text('bold', 'strong'), text(' and ', 'em'), text('both', 'em', 'strong'), text(' then ', 'strong'),
    text('a link', link('https://example.org/a?b=1&c="2"', 'The <title>')), text(' to ', link('/2022/02/03/story/')),
    text('mail', link('mailto:desk@example.org')), text(' x'), text('2', 'sup'), text('i', 'sub'), text(' '), text('gone', 'del'),
    text(' '), text('x < y && "z"', 'code'), { type: 'hard_break' }, text('after\u00A0a break')
  ),
  node('pull_quote', null, p(text('We will rebuild.')), p(text('Every street.'))),
  node('blockquote', null, p(text('Quoted.')), node('bullet_list', null, node('list_item', null, p(text('In a quote'))))),
  node('bullet_list', null,
    node('list_item', null, p(text('One'))),
    node('list_item', null, p(text('Two')), node('ordered_list', { order: 1 }, node('list_item', null, p(text('Two point one')))))),
  node('ordered_list', { order: 3 }, node('list_item', null, p(text('Third'))), node('list_item', null, p(text('Fourth')))),
  node('horizontal_rule', null),
  node('code_block', null, text('  indented <code>\n\n  & more\n')),
  picture({ mediaId: 12, srcset: '/media/1-abc/320.webp 320w, /media/1-abc/640.webp 640w', width: 640, height: 480, alt: 'The bridge "at dusk"', caption: 'The bridge.', credit: 'Photo: Desk' }),
  picture({ src: 'https://images.example.org/a.jpg', alt: 'Caption only', caption: 'Only a caption' }),
  picture({ alt: 'Credit only', credit: 'Agency' }),
  picture({ alt: '' }),
  node('embed', { provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', title: 'The clip' }),
  node('embed', { provider: 'telegram', url: 'https://t.me/durov/142', title: '' }),
  node('related_story', { articleId: 7, href: '/2022/02/03/metro-line-opens/', headline: 'Metro line opens' }),
  node('related_story', { articleId: null, href: '/2022/02/04/other/', headline: 'Another' }),
  node('table', null,
    node('table_row', null, cell('table_header', {}, text('Zone')), cell('table_header', {}, text('Fare', 'strong'))),
    node('table_row', null, cell('table_cell', { colspan: 2 }, text('All zones'), { type: 'hard_break' }, text('3.80'))),
    node('table_row', null, cell('table_cell', { rowspan: 2 }), cell('table_cell', {}, text('x')))),
  p(text('The end.'))
)

function checked(json: BodyDoc): PMNode {
  const parsed = bodySchema.nodeFromJSON(json)
  parsed.check()
  return parsed
}

/** The document as ProseMirror's own toJSON writes it, in plain objects. */
const canonical = (json: BodyDoc | PMNode): BodyDoc => JSON.parse(JSON.stringify('type' in json && typeof json.type === 'string' ? checked(json as BodyDoc) : json)) as BodyDoc

/** DOMSerializer's HTML for the document, as innerHTML reads it back. */
function serialisedByProseMirror(json: BodyDoc): string {
  const fragment = DOMSerializer.fromSchema(bodySchema).serializeFragment(checked(json).content, { document: miniDocument as never })
  return innerHtml(fragment as never)
}

/** What DOMParser makes of the HTML with the schema's rules. */
const parsedByProseMirror = (html: string): BodyDoc => canonical(DOMParser.fromSchema(bodySchema).parse(miniBody(html) as never))

/** htmlToDocument, with the schema's own check of its result. */
function read(html: string): BodyDoc {
  const result = htmlToDocument(html)
  checked(result)
  return result
}

const typesIn = (json: BodyJsonNode, nodes = new Set<string>(), marks = new Set<string>()) => {
  nodes.add(json.type)
  for (const m of json.marks ?? []) marks.add(m.type)
  for (const child of json.content ?? []) typesIn(child, nodes, marks)
  return { nodes, marks }
}

/** The words of HTML (letters and digits, two or more), block boundaries separating them. */
function words(html: string): Set<string> {
  const textOnly = html
    .replace(/<\/?(p|h[1-6]|li|ul|ol|blockquote|table|thead|tbody|tr|td|th|pre|figure|figcaption|aside|hr|br|div)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, '\'').replace(/&amp;/g, '&')
  return new Set(textOnly.match(/[\p{L}\p{N}]{2,}/gu) ?? [])
}

// ---------------------------------------------------------------------------------------------------

describe('writing a document as HTML', () => {
  it('the sample holds every node and mark of the schema', () => {
    const { nodes, marks } = typesIn(EVERY_NODE)
    assert.deepEqual([...nodes].sort(), Object.keys(bodySchema.nodes).sort())
    assert.deepEqual([...marks].sort(), Object.keys(bodySchema.marks).sort())
  })

  it('writes exactly what ProseMirror\'s DOMSerializer writes, for every node and mark', () => {
    assert.equal(documentToHtml(EVERY_NODE), serialisedByProseMirror(EVERY_NODE))
  })

  it('keeps a mark open across neighbouring texts and closes the innermost first, as DOMSerializer does', () => {
    const json = doc(p(text('a ', 'em'), text('b', 'em', 'strong'), text(' c', 'strong'), text('d', link('/x'), 'strong'), text('e', link('/x'))))
    const html = '<p><em>a <strong>b</strong></em><strong> c</strong><a href="/x"><strong>d</strong>e</a></p>'
    assert.equal(documentToHtml(json), html)
    assert.equal(serialisedByProseMirror(json), html)
  })

  it('escapes text and attributes, and writes void elements without an end tag', () => {
    const json = doc(p(text('<script>alert("x")</script> & \u00A0', link('https://example.org/?a=1&b="2"'))), node('horizontal_rule', null), picture({ alt: '"><img onerror=x>' }))
    assert.equal(documentToHtml(json),
      '<p><a href="https://example.org/?a=1&amp;b=&quot;2&quot;">&lt;script&gt;alert("x")&lt;/script&gt; &amp; &nbsp;</a></p><hr>' +
      '<figure class="picture"><img src="/media/1-abc/640.webp" alt="&quot;&gt;&lt;img onerror=x&gt;" loading="lazy" decoding="async"></figure>')
  })

  it('writes an empty body as nothing at all, as the editor\'s field holds it', () => {
    assert.equal(documentToHtml(doc(p())), '')
    assert.equal(documentToHtml(doc(p(), p(text('x')))), '<p></p><p>x</p>')
  })

  it('takes the document as JSON or as a ProseMirror node', () => {
    assert.equal(documentToHtml(checked(EVERY_NODE)), documentToHtml(EVERY_NODE))
  })
})

describe('reading HTML into the document', () => {
  it('reads back every node and mark it wrote: document → HTML → document is exact, HTML → document → HTML stable', () => {
    const html = documentToHtml(EVERY_NODE)
    assert.deepEqual(read(html), canonical(EVERY_NODE))
    assert.equal(documentToHtml(read(html)), html)
    assert.deepEqual(parsedByProseMirror(html), canonical(EVERY_NODE), 'the editor reads it back the same way (an untitled embed included)')
  })

  it('reads each node and mark on its own the same way', () => {
    for (const block of EVERY_NODE.content) {
      const one = doc(block)
      assert.deepEqual(read(documentToHtml(one)), canonical(one), block.type)
    }
  })

  // HTML the schema's parse rules and DOMParser's context fitting have an opinion about.
  const SAMPLES = [
    '<h1>Title</h1><h4>Small</h4><h6>Smaller</h6>',
    'Loose text<p>then a paragraph</p>more loose <b>bold</b> text',
    '<div><section>Inside <span>unknown</span> elements</section><article><p>kept</p></article></div>',
    '<p>  Lots   of\n\tspace  <em> around </em> words  </p>',
    '<p>A<br>  line<br>break</p>',
    '<pre>\nfirst line kept as typed\n  indented</pre><pre><code class="language-js">const x = 1;\n\nx &lt; 2\n</code></pre>',
    '<p style="white-space: pre-wrap">keeps  its   spaces</p>',
    '<ul><li>tight item</li><li><p>loose item</p><p>second paragraph</p></li></ul>',
    '<ol start="7"><li>seven</li></ol><ol start="x"><li>one</li></ol>',
    '<ul><li>parent</li><ul><li>child written directly in the list</li></ul><li>next</li></ul>',
    '<li>an item outside any list</li>',
    '<blockquote>quoted text without a paragraph</blockquote><blockquote class="pull-quote">pulled</blockquote>',
    '<table><thead><tr><th align="left">A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td colspan="2" rowspan="3">2</td></tr></tbody></table>',
    '<table><tr><td>rows without tbody</td></tr></table>',
    '<p><i>i</i><b>b</b><s>s</s><strike>strike</strike><del>del</del><sup>sup</sup><sub>sub</sub><code>code</code></p>',
    '<p><sup>up <sub>down</sub></sup></p>',
    '<p><a href="https://a.example/">outer <a href="https://b.example/">inner</a></a></p>',
    '<p><b style="font-weight:normal">Google Docs wrapper, <span style="font-weight:700">bold</span>, <span style="font-style:italic">italic</span></b></p>',
    '<p><strong>bold <span style="font-weight:400">not bold</span></strong></p>',
    '<p><a>anchor without href</a></p>',
    '<figure class="picture" data-media-id="3"><img src="/media/3/a.webp" alt="A"><figcaption><span class="caption">Cap</span></figcaption></figure>',
    '<figure class="embed" data-embed-provider="vimeo" data-embed-url="https://vimeo.com/76979871"><p class="embed-provider">Vimeo</p><p><a class="embed-title" href="https://vimeo.com/76979871">A film</a></p></figure>',
    '<aside class="related-story" data-article-id="9"><a href="/2022/02/03/x/">Related</a></aside>',
    '<p>text &amp; entities &lt;b&gt; &#x263A; &copy;</p>'
  ]

  it('reads HTML as ProseMirror\'s DOMParser does with the schema\'s parse rules', () => {
    for (const html of SAMPLES) assert.deepEqual(read(html), parsedByProseMirror(html), html)
  })

  it('collapses white space outside <pre> and keeps it inside, without the line break after <pre>', () => {
    assert.deepEqual(read('<p>  Lots   of\n\tspace  <em> around </em> words  </p>'), doc(p(text('Lots of space '), text('around ', 'em'), text('words'))))
    assert.deepEqual(read('<pre>\n  x\n\ty\n</pre>'), doc(node('code_block', null, text('  x\n\ty\n'))))
    assert.deepEqual(read('<p>one\r\ntwo</p><pre>a\r\nb\rc</pre>'), doc(p(text('one two')), node('code_block', null, text('a\nb\nc'))))
  })

  it('wraps inline content at block level in paragraphs and unwraps unknown elements, keeping their text', () => {
    assert.deepEqual(read('Loose <b>bold</b><div>in a <span class="x" style="color:red">div</span></div><font>font</font>'),
      doc(p(text('Loose '), text('bold', 'strong')), p(text('in a div')), p(text('font'))))
  })

  it('drops scripts, styles, frames, objects, templates, drawings and comments with their content', () => {
    const html = '<p>a<script>alert(1)</script><style>p{}</style><!-- note -->b</p><iframe src="https://evil.example/">frame text</iframe>' +
      '<object data="x.swf">fallback</object><template><p>inert</p></template><svg><text>label</text></svg><noscript>no script</noscript><p>c</p>'
    assert.deepEqual(read(html), doc(p(text('ab')), p(text('c'))))
  })

  it('drops empty paragraphs, keeping one where the schema needs it', () => {
    assert.deepEqual(read('<p></p><p> </p><p>&nbsp;</p><p><br></p><p>text</p><p>\u00A0<br> </p>'), doc(p(text('text'))))
    assert.deepEqual(read('<p></p><p> </p>'), doc(p()))
    assert.deepEqual(read('<ul><li><p></p><ul><li>nested</li></ul></li></ul>'), parsedByProseMirror('<ul><li><p></p><ul><li>nested</li></ul></li></ul>'))
    assert.deepEqual(read('<blockquote class="pull-quote"><p></p></blockquote>'), doc(node('pull_quote', null, p())))
  })

  it('makes a picture of an image alone or in a paragraph (src, alt, width, height; no caption)', () => {
    const expected = (src: string, attrs: Record<string, unknown> = {}) => picture({ src, ...attrs })
    assert.deepEqual(read('<p><img src="/media/7/a.webp" alt="A dog" width="800" height="600"></p>'), doc(expected('/media/7/a.webp', { alt: 'A dog', width: 800, height: 600 })))
    assert.deepEqual(read('<img src="https://example.org/b.png" alt="B" width="wide">'), doc(expected('https://example.org/b.png', { alt: 'B' })))
    assert.deepEqual(read('<p>Before <img src="/media/1/c.jpg" alt=""> after</p>'), doc(p(text('Before')), expected('/media/1/c.jpg'), p(text('after'))))
  })

  it('shows no image from an address a picture may not have', () => {
    for (const src of ['javascript:alert(1)', 'data:image/png;base64,AAAA', '//evil.example/a.png', 'file:///C:/a.png', 'media/relative.png', '']) {
      assert.deepEqual(read(`<p>Text<img src="${src}" alt="x"></p><figure class="picture"><img src="${src}" alt="x"><figcaption><span class="caption">Kept</span></figcaption></figure>`),
        doc(p(text('Text')), p(text('Kept'))), src)
    }
    assert.deepEqual(read('<figure class="picture"><img src="/media/1/a.webp" srcset="javascript:x 1x" alt="x"></figure>'), doc(picture({ src: '/media/1/a.webp', alt: 'x' })), 'a bad srcset alone is left out')
  })

  it('keeps links to web pages, email addresses and this site; other links lose the link and keep the text', () => {
    const kept = ['https://example.org/a', 'http://example.org/', 'mailto:desk@example.org', '/2022/02/03/story/', 'HTTPS://EXAMPLE.ORG/']
    for (const href of kept) assert.deepEqual(read(`<p><a href="${href}">x</a></p>`), doc(p(text('x', link(href)))), href)
    assert.deepEqual(read('<p><a href="  https://example.org/  ">x</a></p>'), doc(p(text('x', link('https://example.org/')))), 'spaces around an address are not part of it')
    const dropped = ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'vbscript:x',
      '//evil.example/', '/\\evil.example/', 'relative/path', '#anchor', 'ftp://example.org/', '']
    for (const href of dropped) assert.deepEqual(read(`<p><a href="${href}">x</a> y</p>`), doc(p(text('x y'))), JSON.stringify(href))
  })

  it('makes an embed only of a link a provider is recognised for, with the canonical link', () => {
    const figure = (provider: string, url: string, title: string) =>
      `<figure class="embed" data-embed-provider="${provider}" data-embed-url="${url}"><p class="embed-provider">${provider}</p><p><a class="embed-title" href="${url}">${title}</a></p></figure>`
    assert.deepEqual(read(figure('youtube', 'https://youtu.be/dQw4w9WgXcQ?si=abc', 'The clip')),
      doc(node('embed', { provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', title: 'The clip' })))
    assert.deepEqual(read(figure('vimeo', 'https://youtu.be/dQw4w9WgXcQ', 'x')).content[0]!.attrs!.provider, 'youtube', 'the provider is the link\'s, whatever the HTML says')
    assert.deepEqual(read(figure('youtube', 'https://t.me/durov/142', 'https://t.me/durov/142')),
      doc(node('embed', { provider: 'telegram', url: 'https://t.me/durov/142', title: '' })), 'an address shown as the title is no title')
    assert.deepEqual(read(figure('youtube', 'https://evil.example/watch?v=dQw4w9WgXcQ', 'Not an embed')),
      doc(p(text('youtube')), p(text('Not an embed', link('https://evil.example/watch?v=dQw4w9WgXcQ')))), 'an unknown link stays a link, its text kept')
  })

  it('makes a related story only of a link to this site', () => {
    assert.deepEqual(read('<aside class="related-story" data-article-id="x"><a href="/2022/02/03/a/">  A  story </a></aside>'),
      doc(node('related_story', { articleId: null, href: '/2022/02/03/a/', headline: 'A story' })))
    assert.deepEqual(read('<aside class="related-story" data-article-id="3"><a href="https://evil.example/">Elsewhere</a></aside>'),
      doc(p(text('Elsewhere', link('https://evil.example/')))))
  })

  it('reads text without any tag (typed with JavaScript off) as paragraphs and line breaks', () => {
    assert.deepEqual(read('First paragraph\nsame paragraph\n\n\nSecond & 3 < 4 &amp;'),
      doc(p(text('First paragraph'), { type: 'hard_break' }, text('same paragraph')), p(text('Second & 3 < 4 &amp;'))))
    assert.deepEqual(read(''), doc(p()))
    assert.deepEqual(read(' \n '), doc(p()))
  })

  it(`refuses HTML longer than ${MAX_BODY_HTML_LENGTH.toLocaleString('en')} characters with a readable error`, () => {
    assert.throws(() => htmlToDocument('<p>' + 'x'.repeat(MAX_BODY_HTML_LENGTH) + '</p>'), (e: Error) =>
      e instanceof BodyDocumentError && /^The body could not be read: it is longer than 2,000,000 characters\.$/.test(e.message))
  })

  it('keeps the words of HTML nested deeper than MAX_BODY_NESTING as paragraphs, and reads ordinary depth as usual', () => {
    const deep = '<div>'.repeat(MAX_BODY_NESTING + 1) + 'Rain &amp; <b>wind</b><script>x</script>\n\nCalm by noon'
    assert.deepEqual(read(deep), doc(p(text('Rain & windx')), p(text('Calm by noon'))))
    assert.deepEqual(read('<blockquote>'.repeat(40) + 'deep'), parsedByProseMirror('<blockquote>'.repeat(40) + 'deep'))
  })

  it('reads long runs of kept white space in linear time (an end-anchored regex took 4 s for 80,000 spaces)', () => {
    const spaces = (n: number) => `<p style="white-space:pre">${' '.repeat(n)}x</p><p>${'a '.repeat(n / 2)}</p>`
    assertLinearTime('htmlToDocument on runs of spaces', htmlToDocument, spaces(20_000), spaces(80_000))
  })

  it('leaves out the control characters the article form refuses', () => {
    assert.deepEqual(read('<p>a\u0000b\u0007c\u001Fd\te</p>'), doc(p(text('abcd e'))))
  })
})

describe('checking a document a client sends', () => {
  it('accepts the editor\'s JSON and gives it back in canonical form', () => {
    const sent = doc(p(text('a'), text('b')), node('embed', { provider: 'youtube', url: 'https://youtu.be/dQw4w9WgXcQ?si=x' }), node('heading', { level: 3, extra: 'ignored' }, text('h')))
    const result = parseBodyDocument(JSON.stringify(sent))
    assert.ok(result.ok, JSON.stringify(result))
    assert.deepEqual(result.doc, doc(
      p(text('ab')),
      node('embed', { provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', title: '' }),
      node('heading', { level: 3 }, text('h'))
    ))
    const every = parseBodyDocument(JSON.stringify(EVERY_NODE))
    assert.ok(every.ok)
    assert.deepEqual(every.doc, canonical(EVERY_NODE))
  })

  const para = (...content: unknown[]) => ({ type: 'doc', content: [{ type: 'paragraph', content }] })
  const linked = (href: unknown) => para({ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href } }] })
  const nested = (levels: number) => {
    let inner: unknown = { type: 'paragraph', content: [{ type: 'text', text: 'deep' }] }
    for (let i = 0; i < levels; i++) inner = { type: 'blockquote', content: [inner] }
    return { type: 'doc', content: [inner] }
  }
  const HOSTILE: [string, string, RegExp][] = [
    ['not JSON', '{"type":"doc",', /not valid JSON/],
    ['an array', '[]', /not an article body/],
    ['another type at the top', '{"type":"paragraph"}', /not an article body/],
    ['5 MB', JSON.stringify(para({ type: 'text', text: 'x'.repeat(5_000_000) })), /longer than 4,000,000 characters/],
    ['nesting past the limit', JSON.stringify(nested(MAX_BODY_NESTING + 5)), /nest deeper than 256 levels/],
    ['content that is not a list', JSON.stringify({ type: 'doc', content: 'text' }), /content must be a list/],
    ['a number for a node', JSON.stringify({ type: 'doc', content: [1] }), /object with a type/],
    ['a text that is not text', JSON.stringify(para({ type: 'text', text: 5 })), /text must have its text/],
    ['an empty text', JSON.stringify(para({ type: 'text', text: '' })), /text must have its text/],
    ['a control character', JSON.stringify(para({ type: 'text', text: 'a\u0000b' })), /control character/],
    ['an unknown node', JSON.stringify({ type: 'doc', content: [{ type: 'script', content: [] }] }), /"script" is not something an article body can hold/],
    ['a prototype key as a node', JSON.stringify({ type: 'doc', content: [{ type: '__proto__' }] }), /"__proto__" is not something/],
    ['a prototype key as a node (constructor)', JSON.stringify({ type: 'doc', content: [{ type: 'constructor' }] }), /"constructor" is not something/],
    ['an unknown mark', JSON.stringify(para({ type: 'text', text: 'x', marks: [{ type: 'underline' }] })), /"underline" is not a mark/],
    ['marks that are not a list', JSON.stringify(para({ type: 'text', text: 'x', marks: 'strong' })), /marks must be a list/],
    ['a javascript: link', JSON.stringify(linked('javascript:alert(1)')), /link's address must start with http/],
    ['a javascript: link in capitals', JSON.stringify(linked('JAVASCRIPT:alert(1)')), /link's address/],
    ['a javascript: link behind a space', JSON.stringify(linked(' javascript:alert(1)')), /link's address/],
    ['a protocol-relative link', JSON.stringify(linked('//evil.example/')), /link's address/],
    ['a link without an address', JSON.stringify(para({ type: 'text', text: 'x', marks: [{ type: 'link' }] })), /link's address/],
    ['a data: picture', JSON.stringify({ type: 'doc', content: [{ type: 'picture', attrs: { src: 'data:image/png;base64,AA' } }] }), /picture's image/],
    ['a picture without an image', JSON.stringify({ type: 'doc', content: [{ type: 'picture' }] }), /picture's image/],
    ['a bad srcset', JSON.stringify({ type: 'doc', content: [{ type: 'picture', attrs: { src: '/media/a.webp', srcset: '/media/a.webp 1x, javascript:x 2x' } }] }), /srcset/],
    ['a width as text', JSON.stringify({ type: 'doc', content: [{ type: 'picture', attrs: { src: '/media/a.webp', width: '640' } }] }), /width must be a whole number/],
    ['a media id as a fraction', JSON.stringify({ type: 'doc', content: [{ type: 'picture', attrs: { src: '/media/a.webp', mediaId: 1.5 } }] }), /media id must be a whole number/],
    ['an unknown embed provider', JSON.stringify({ type: 'doc', content: [{ type: 'embed', attrs: { provider: 'myspace', url: 'https://myspace.com/x' } }] }), /provider must be one of/],
    ['an embed whose link is another provider\'s', JSON.stringify({ type: 'doc', content: [{ type: 'embed', attrs: { provider: 'vimeo', url: 'https://youtu.be/dQw4w9WgXcQ' } }] }), /not a vimeo post or video/],
    ['an embed of any page', JSON.stringify({ type: 'doc', content: [{ type: 'embed', attrs: { provider: 'youtube', url: 'https://evil.example/' } }] }), /not a youtube post/],
    ['a related story elsewhere', JSON.stringify({ type: 'doc', content: [{ type: 'related_story', attrs: { href: 'https://evil.example/' } }] }), /related story's address must be a path on this site/],
    ['a heading level as text', JSON.stringify({ type: 'doc', content: [{ type: 'heading', attrs: { level: '2' }, content: [] }] }), /level must be 2 or 3/],
    ['a heading of level 1', JSON.stringify({ type: 'doc', content: [{ type: 'heading', attrs: { level: 1 } }] }), /level must be 2 or 3/],
    ['a list order as text', JSON.stringify({ type: 'doc', content: [{ type: 'ordered_list', attrs: { order: '3' }, content: [] }] }), /first number must be a whole number/],
    ['a colspan of zero', JSON.stringify({ type: 'doc', content: [{ type: 'table', content: [{ type: 'table_row', content: [{ type: 'table_cell', attrs: { colspan: 0 } }] }] }] }), /colspan must be a whole number/],
    ['attributes that are not an object', JSON.stringify({ type: 'doc', content: [{ type: 'heading', attrs: [2] }] }), /attributes must be an object/],
    ['text straight in the body', JSON.stringify({ type: 'doc', content: [{ type: 'text', text: 'loose' }] }), /structure does not fit an article body/],
    ['an empty body', JSON.stringify({ type: 'doc', content: [] }), /structure does not fit/],
    ['a mark on a block', JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', marks: [{ type: 'strong' }] }] }), /structure does not fit/],
    ['a mark inside code', JSON.stringify({ type: 'doc', content: [{ type: 'code_block', content: [{ type: 'text', text: 'x', marks: [{ type: 'strong' }] }] }] }), /structure does not fit/],
    ['a body inside the body', JSON.stringify({ type: 'doc', content: [{ type: 'doc', content: [{ type: 'paragraph' }] }] }), /structure does not fit/]
  ]
  for (const [what, json, error] of HOSTILE) {
    it(`refuses ${what}, saying why`, () => {
      const result = parseBodyDocument(json)
      assert.equal(result.ok, false)
      if (!result.ok) {
        assert.match(result.error, /^The body could not be read: /)
        assert.match(result.error, error)
      }
    })
  }

  it('accepts nesting up to the limit', () => {
    assert.equal(parseBodyDocument(JSON.stringify(nested(MAX_BODY_NESTING - 2))).ok, true)
  })
})

describe('Markdown and stored sources', () => {
  it('reads Markdown as the body always rendered it', () => {
    assert.deepEqual(markdownToDocument('A **bold** start.\n\nSecond [link](https://example.org/ "T").\n\n## Head\n\n- one\n- two'), doc(
      p(text('A '), text('bold', 'strong'), text(' start.')),
      p(text('Second '), text('link', link('https://example.org/', 'T')), text('.')),
      node('heading', { level: 2 }, text('Head')),
      node('bullet_list', null, node('list_item', null, p(text('one'))), node('list_item', null, p(text('two'))))
    ))
    assert.deepEqual(markdownToDocument('![The bridge](/media/4/b.webp)'), doc(picture({ src: '/media/4/b.webp', alt: 'The bridge' })))
  })

  it('tells a stored document from legacy Markdown', () => {
    assert.equal(isBodyDocumentSource(toBodyDocumentSource('Text.')), true)
    assert.equal(isBodyDocumentSource('{"type":"doc","content":[]}'), true)
    assert.equal(isBodyDocumentSource('Some *Markdown*'), false)
    assert.equal(isBodyDocumentSource('{ "type": "doc" }'), false, 'stored documents are written by JSON.stringify')
  })

  it('turns whatever a write path receives into the canonical document JSON, once', () => {
    const fromMarkdown = toBodyDocumentSource('One *two*.\n\nThree.')
    assert.deepEqual(JSON.parse(fromMarkdown), canonical(doc(p(text('One '), text('two', 'em'), text('.')), p(text('Three.')))))
    assert.equal(toBodyDocumentSource(fromMarkdown), fromMarkdown, 'a document stays as it is')
    const spaced = JSON.stringify(doc(p(text('a'), text('b'))), null, 2)
    assert.equal(toBodyDocumentSource(spaced), JSON.stringify(canonical(doc(p(text('ab'))))), 'a client\'s formatted JSON is read as the document it is')
    assert.equal(toBodyDocumentSource(''), '{"type":"doc","content":[{"type":"paragraph"}]}')
    assert.throws(() => toBodyDocumentSource(JSON.stringify(doc(p(text('x', link('javascript:alert(1)')))))), BodyDocumentError)
  })

  it('gives the document\'s words as plain text, blocks apart by blank lines', () => {
    assert.equal(bodyText(EVERY_NODE), [
      'Background & “context”', 'Details',
      'Plain bold and both then a link to mail x2i gone x < y && "z"\nafter\u00A0a break',
      'We will rebuild.', 'Every street.', 'Quoted.', 'In a quote', 'One', 'Two', 'Two point one', 'Third', 'Fourth',
      '  indented <code>\n\n  & more\n',
      'The bridge. Photo: Desk', 'Only a caption', 'Agency', 'The clip', 'https://t.me/durov/142', 'Metro line opens', 'Another',
      'Zone\tFare\nAll zones\n3.80\n\tx',
      'The end.'
    ].join('\n\n'))
    assert.equal(bodyText(doc(p())), '')
  })
})

describe('readers\' HTML from a document', () => {
  const rendered = (json: BodyDoc) => renderArticleBody(JSON.stringify(canonical(json)))

  it('is the schema\'s HTML, sanitised: every node and mark keeps its markup', () => {
    const html = rendered(EVERY_NODE)
    for (const fragment of [
      '<blockquote class="pull-quote"><p>We will rebuild.</p>', '<ol start="3">', '<pre><code>  indented &lt;code&gt;',
      '<figure class="picture" data-media-id="12"><img src="/media/1-abc/640.webp" alt="The bridge &quot;at dusk&quot;" srcset="/media/1-abc/320.webp 320w, /media/1-abc/640.webp 640w" sizes="(min-width: 60rem) 40rem, 100vw" width="640" height="480" loading="lazy" decoding="async" /><figcaption><span class="caption">The bridge.</span> <span class="credit">Photo: Desk</span></figcaption></figure>',
      '<aside class="related-story" data-article-id="7"><a href="/2022/02/03/metro-line-opens/">Metro line opens</a></aside>',
      '<td colspan="2">All zones<br />3.80</td>', '<td rowspan="2"></td>', '<sup>2</sup><sub>i</sub> <del>gone</del>',
      '<a href="https://example.org/a?b=1&amp;c=&quot;2&quot;" title="The &lt;title&gt;">a link</a>'
    ]) assert.ok(html.includes(fragment), `missing ${fragment}\nin ${html}`)
  })

  it('gives each embed the player frame computed from its link, never one the HTML brought', () => {
    const html = rendered(doc(node('embed', { provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', title: 'Clip' })))
    assert.equal(html, '<figure class="embed" data-embed-provider="youtube" data-embed-url="https://www.youtube.com/watch?v=dQw4w9WgXcQ" data-embed-frame="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ">' +
      '<p class="embed-provider">YouTube</p><p><a class="embed-title" href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">Clip</a></p></figure>')
    const forged = renderArticleBody('<figure class="embed" data-embed-provider="youtube" data-embed-url="https://evil.example/" data-embed-frame="https://evil.example/frame"><p>x</p></figure>')
    assert.doesNotMatch(forged, /data-embed-frame|evil\.example\/frame/)
  })

  it('keeps only the schema\'s classes', () => {
    const html = renderArticleBody('<p class="embed-provider lead x">a</p><span class="caption evil">b</span><blockquote class="pull-quote big">c</blockquote><div class="picture">d</div><em class="x">e</em>')
    assert.equal(html, '<p class="embed-provider">a</p><span class="caption">b</span><blockquote class="pull-quote">c</blockquote>d<em>e</em>')
  })
})

// ---------------------------------------------------------------------------------------------------
// Every demo story.

/**
 * Where a demo story's readers' HTML from its document differs from the HTML its Markdown gave, each
 * difference named with its reason and undone here, so the rest must match exactly.
 */
const DEMO_DIFFERENCES: { what: string, why: string, undo: (html: string) => string }[] = [
  {
    what: 'a tight list\'s items hold a paragraph (<li><p>…</p></li> for <li>…</li>)',
    why: 'the schema\'s list_item is "paragraph block*", as in every ProseMirror list; the site\'s stylesheet spaces both alike',
    undo: (html) => html.replace(/<li><p>((?:(?!<\/?p>|<li>).)*)<\/p><\/li>/g, '<li>$1</li>')
  }
]

const DEMO_BODIES: [string, string][] = [
  ['the model article', MODEL_ARTICLE.body], ['the model article (ru)', MODEL_ARTICLE_RU.body], ['the model article (hy)', MODEL_ARTICLE_HY.body],
  ...MODEL_DAY_NEIGHBOURS.map((s): [string, string] => [s.headline, s.body]),
  ...MODEL_DAY_NEIGHBOURS_TRANSLATED.flatMap((s): [string, string][] => [[s.ru.headline, s.ru.body], [s.hy.headline, s.hy.body]]),
  ...DEMO_DAYS.flat().map((d): [string, string] => [d.story.headline, d.story.body]),
  ...Object.values(STORY_TRANSLATIONS).flatMap((t): [string, string][] => [[t.ru.headline, t.ru.body], [t.hy.headline, t.hy.body]])
]

describe('every demo story as a document', () => {
  const normalised = (html: string) => html.replace(/>\s+</g, '><').trim()

  it('has stories to convert', () => {
    assert.ok(DEMO_BODIES.length >= 80, `${DEMO_BODIES.length} bodies`)
  })

  it('shows readers the same HTML as its Markdown did, but for the differences listed', () => {
    const used = new Set<string>()
    for (const [name, markdown] of DEMO_BODIES) {
      const before = normalised(renderArticleBody(markdown))
      let after = normalised(renderArticleBody(toBodyDocumentSource(markdown)))
      for (const difference of DEMO_DIFFERENCES) {
        const undone = difference.undo(after)
        if (undone !== after) used.add(difference.what)
        after = undone
      }
      assert.equal(after, before, name)
    }
    assert.deepEqual([...used], DEMO_DIFFERENCES.map((d) => d.what), 'every listed difference occurs')
  })

  it('reads the stories\' HTML as ProseMirror\'s DOMParser does', () => {
    for (const [name, markdown] of DEMO_BODIES) {
      const html = renderArticleBody(markdown)
      assert.deepEqual(read(html), parsedByProseMirror(html), name)
    }
  })
})

// ---------------------------------------------------------------------------------------------------
// Real clipboards and hostile HTML.

const PASTE_DIR = corpus('paste/', 'the body document\'s paste corpus tests')

describe('clipboard captures, cleaned, as documents', { skip: !PASTE_DIR && 'no ../shared/corpora/paste' }, () => {
  const names = PASTE_DIR ? readdirSync(PASTE_DIR).filter((name) => name.endsWith('.html')).sort() : []
  // As paste-clean.test.ts reads them: the *-copy.html captures were re-indented, and their README gives the way back.
  const capture = (name: string) => {
    const source = readFileSync(PASTE_DIR + name, 'utf8')
    return name.endsWith('-copy.html') ? source.replace(/\n\t*/g, '') : source
  }

  it('finds the captures', () => {
    assert.ok(names.length >= 28, `${names.length} captures`)
  })

  for (const name of names) {
    it(`${name}: every word of the cleaned paste is in the document, read as DOMParser reads it`, () => {
      const cleaned = cleanPastedHtml(clipboardFragment(capture(name)))
      const result = read(cleaned)
      const kept = words(documentToHtml(result))
      assert.deepEqual([...words(cleaned)].filter((word) => !kept.has(word)), [], 'words lost')
      assert.deepEqual(result, parsedByProseMirror(cleaned))
      assert.ok(parseBodyDocument(JSON.stringify(result)).ok, 'a client may send it back as it is')
    })
  }
})

const XSS_FILE = corpus('xss/dompurify-payloads.json', 'the body document\'s XSS payload tests')

/** Tags the schema writes; nothing else may come out. */
const SCHEMA_TAGS = new Set([
  'p', 'h2', 'h3', 'blockquote', 'ul', 'ol', 'li', 'hr', 'pre', 'code', 'figure', 'img', 'figcaption', 'span', 'aside', 'a',
  'table', 'tbody', 'tr', 'td', 'th', 'br', 'em', 'strong', 'del', 'sup', 'sub'
])

function assertHarmless(html: string, title: string): void {
  const problems: string[] = []
  const parser = new Parser({
    onopentag(name, attribs) {
      if (!SCHEMA_TAGS.has(name)) problems.push(`<${name}>`)
      for (const [attr, value] of Object.entries(attribs)) {
        if (/^on/i.test(attr)) problems.push(`${attr}=`)
        // eslint-disable-next-line no-control-regex -- browsers ignore these inside a scheme
        if (/^(href|src|srcset|data-embed-url|data-embed-frame)$/.test(attr) && /^(javascript|data|vbscript):/i.test(value.replace(/[\u0000-\u0020]/g, ''))) {
          problems.push(`${attr}="${value}"`)
        }
      }
    }
  })
  parser.end(html)
  assert.deepEqual(problems, [], `${title}: ${html}`)
}

describe('XSS payloads read as documents', { skip: !XSS_FILE && 'no ../shared/corpora/xss' }, () => {
  const payloads = XSS_FILE ? JSON.parse(readFileSync(XSS_FILE, 'utf8')) as { title: string, payload: string }[] : []

  it('finds the payloads', () => {
    assert.ok(payloads.length >= 200, `${payloads.length} payloads`)
  })

  it('come out with no script, no event attribute and no script address, and read back as the same document', () => {
    for (const { title: named, payload } of payloads) {
      const title = named ?? payload.slice(0, 80)
      const result = read(payload)
      const html = documentToHtml(result)
      assertHarmless(html, title)
      assertHarmless(renderArticleBody(JSON.stringify(result)), `${title} (readers' HTML)`)
      assert.deepEqual(read(html), result, `${title}: stable`)
      assert.ok(parseBodyDocument(JSON.stringify(result)).ok, `${title}: a client may send it back`)
    }
  })
})
