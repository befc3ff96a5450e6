// The import writes readers' HTML straight from the body document (wp-body-html.ts) where it can: the
// stored body must be exactly storedArticleBody's, for every WordPress export, clipboard capture and XSS
// payload in the corpora, hostile addresses and random HTML; and the direct way must be taken for
// ordinary posts (or the import gains nothing).
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createReadStream, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { renderMarkdown, storedArticleBody } from '../../src/domain/article-body.js'
import { htmlToDocument } from '../../src/domain/body-document.js'
import { refusedAddress, sanitizedDocumentHtml, storedImportedBody } from '../../src/domain/wp-body-html.js'
import { wordpressContentToBody } from '../../src/domain/wp-content.js'
import { readWxr } from '../../src/domain/wxr-reader.js'
import { corpus } from '../corpora.js'
import { wxrCorpus, wxrPath } from '../wxr-corpora.js'

/** Whether the body went the direct way. */
const direct = (source: string): boolean => sanitizedDocumentHtml(htmlToDocument(renderMarkdown(source))) !== null

/** Compares the two ways for a WordPress post's content; true when the direct way was taken. */
function same(content: string, title: string): boolean {
  const source = wordpressContentToBody(content)
  assert.deepEqual(storedImportedBody(source), storedArticleBody(source), title)
  return direct(source)
}

const HOSTILE = [
  'Text with&nbsp;a non-breaking space, &amp;amp; an entity, "quotes" and \'apostrophes\', &lt;b&gt; shown',
  '<a href="https://example.com/?a=1&amp;b=&quot;2&quot;" title="A &quot;title&quot; &amp; more">link</a> and <a href="mailto:x@example.com">mail</a>',
  '<a href="/ /evil.example">spaced path</a>', '<a href="/\t/evil.example">tab</a>', '<a href="javascript:alert(1)">js</a>',
  '<a href="/<!--x-->/evil.example">comment</a>', '<a href="HTTPS://EXAMPLE.COM/">upper</a>', '<a href="ftp://example.com/">ftp</a>',
  '<a href="https://example.com/" title="">empty title</a>', '<a href=" https://example.com/ ">spaces</a>',
  '<img src="https://example.com/a.jpg" alt="">', '<img src="https://example.com/a.jpg" alt="A &quot;b&quot; &amp; c" width="0" height="20">',
  '<img src="/media/1/a.jpg" alt="x">', '<img src="//example.com/a.jpg" alt="x">', '<img src="data:image/png;base64,AAAA" alt="x">',
  '[caption id="attachment_1" align="alignnone" width="300"]<img src="https://example.com/a.jpg" alt="" width="300" height="200" /> A caption &amp; more[/caption]',
  '<figure class="picture" data-media-id="7"><img src="/media/7/a.jpg" srcset="/media/7/a.jpg 1x, /media/7/b.jpg 2.50x" alt="x"><figcaption><span class="caption">Cap</span> <span class="credit">Cred</span></figcaption></figure>',
  '<figure class="picture"><img src="/media/7/a.jpg" alt="x"><figcaption><span class="credit">Only credit</span></figcaption></figure>',
  '<figure class="embed" data-embed-provider="youtube" data-embed-url="https://youtu.be/dQw4w9WgXcQ"><p><a class="embed-title" href="https://youtu.be/dQw4w9WgXcQ">Clip</a></p></figure>',
  '<aside class="related-story" data-article-id="4"><a href="/2020/01/01/x/">Related</a></aside>',
  '<aside class="related-story"><a href="/2020/01/01/x/">No id</a></aside>',
  '<table><tr><th>a</th><th colspan="2">b</th></tr><tr><td rowspan="3">c</td><td data-colwidth="100">d</td></tr></table>',
  '<table><tr><td>plain</td><td><b>bold</b></td></tr></table>',
  '<ol start="0"><li>zero</li></ol><ol start="3"><li>three<ul><li>inner</li></ul></li></ol><ol><li>one</li></ol>',
  '<pre>line one\n\n  indented &lt;tag&gt; &amp;\nline three</pre>',
  '<h1>One</h1><h2>Two</h2><h3>Three</h3><h4>Four</h4><h6>Six</h6><hr><blockquote class="pull-quote"><p>Pull</p></blockquote>',
  '<blockquote><p>Quote <cite>someone</cite></p><blockquote><p>inner</p></blockquote></blockquote>',
  '<p><em>a <strong>b</strong></em><strong> c</strong> <a href="https://x.example/"><em>d</em>e</a><a href="https://y.example/">f</a></p>',
  'x<sup>2</sup> H<sub>2</sub>O <code>code()</code> <del>gone</del> <s>struck</s> <b style="font-weight:normal">not bold</b> <span style="font-weight:bold">bold</span>',
  '<p>line<br>break<br/><strong>bold<br>break</strong></p>',
  'Control &#1; &#0; &#13; characters and \u00a0 and \u2028 separators, emoji 🎉 and a lone &#xD800;',
  '<b>'.repeat(300) + 'deep', '<blockquote>'.repeat(250) + 'deep quote', '<ul><li>'.repeat(130) + 'deep list',
  '<p>' + '<em><strong><code><del><sup>x</sup></del></code></strong></em>'.repeat(3) + '</p>',
  '', '   ', '<p></p>', '<!-- wp:paragraph -->\n<p>Block content</p>\n<!-- /wp:paragraph -->'
]

describe('imported bodies written directly', () => {
  it('store exactly what storedArticleBody stores, for hostile and awkward content', () => {
    for (const content of HOSTILE) same(content, content.slice(0, 120))
  })

  it('take the direct way for ordinary posts, and refuse addresses as sanitize-html does', () => {
    assert.equal(same('Paragraph one, with <a href="https://example.com/">a link</a>.\n\nParagraph two, with a line\nbreak.', 'bench post'), true)
    assert.equal(same('<img src="/media/1/a.jpg" alt="">\n\n<ol start="2"><li>x</li></ol><table><tr><td>a</td></tr></table>', 'picture'), true)
    assert.equal(refusedAddress('/ /evil.example', ['http']), true)
    assert.equal(refusedAddress('java\nscript:alert(1)', ['http']), true)
    assert.equal(refusedAddress('https://example.com/', ['http', 'https']), false)
    assert.equal(refusedAddress('/path', ['http']), false)
  })

  it('store the same for random HTML built from the schema\'s tags and others', () => {
    let seed = 1
    const random = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n }
    const opens = ['<p>', '<b>', '<em>', '<i>', '<strong>', '<code>', '<del>', '<sup>', '<sub>', '<a href="https://e.example/?q=1&amp;r">', '<a href="/x">',
      '<a href="javascript:x">', '<a href="/ /x" title="t">', '<ul>', '<ol start="5">', '<li>', '<blockquote>', '<h2>', '<h5>', '<pre>', '<table>', '<tr>',
      '<td colspan="2">', '<th>', '<div>', '<span class="caption">', '<br>', '<hr>', '<img src="https://e.example/i.png" alt="&quot;">', '<img src="x.png">']
    const texts = ['text', ' ', '\n', '\n\n', '&amp;', '&nbsp;', '<', '>', '"', 'a & b', '[caption]x[/caption]', 'https://e.example/ ']
    let directly = 0
    for (let n = 0; n < 1500; n++) {
      let html = ''
      const length = 1 + random(30)
      for (let i = 0; i < length; i++) {
        const pick = random(3)
        if (pick === 0) html += opens[random(opens.length)]
        else if (pick === 1) html += texts[random(texts.length)]
        else html += `</${['p', 'b', 'em', 'a', 'ul', 'li', 'blockquote', 'pre', 'table', 'tr', 'td', 'div'][random(12)]}>`
      }
      if (same(html, html)) directly++
    }
    assert.ok(directly > 500, `${directly} of 1500 written directly`)
  })
})

const { files, skip } = wxrCorpus()
describe('imported bodies written directly: WordPress exports', { skip }, () => {
  it('store exactly what storedArticleBody stores for every post of every export', async () => {
    let posts = 0
    let directly = 0
    for (const file of files) {
      try {
        for await (const r of readWxr(createReadStream(wxrPath(file)))) {
          if (r.kind !== 'item') continue
          posts++
          if (same(r.item.content, `${file}: ${r.item.title}`)) directly++
        }
      } catch (error) {
        if (!(error instanceof Error) || error.name !== 'WxrError') throw error
      }
    }
    assert.ok(posts > 100 && directly > posts / 2, `${directly} of ${posts} posts written directly`)
  })
})

const XSS_FILE = corpus('xss/dompurify-payloads.json', 'the import\'s XSS payload tests')
const PASTE_DIR = corpus('paste', 'the import\'s clipboard tests')
describe('imported bodies written directly: XSS payloads and clipboard captures', { skip: !XSS_FILE && 'no ../shared/corpora/xss' }, () => {
  it('store exactly what storedArticleBody stores', () => {
    const payloads = JSON.parse(readFileSync(XSS_FILE!, 'utf8')) as { title: string, payload: string }[]
    assert.ok(payloads.length >= 200)
    for (const { title, payload } of payloads) {
      same(payload, title ?? payload)
      // Also straight, as a source (not through wpautop).
      const source = `<div>\n${payload}\n</div>`
      assert.deepEqual(storedImportedBody(source), storedArticleBody(source), `${title} (as a source)`)
    }
    for (const file of PASTE_DIR ? readdirSync(PASTE_DIR).filter((f) => f.endsWith('.html')) : []) {
      same(readFileSync(join(PASTE_DIR!, file), 'utf8'), file)
    }
  })
})
