// Paste cleaning over real clipboard captures (../shared/corpora/paste: Word, Google Docs, LibreOffice, a
// code editor) and over small hand-made cases: only the allowed structure comes out, every word of the
// source survives, and the named features keep their shape.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import sanitizeHtml from 'sanitize-html'
import { corpus } from '../corpora.js'
import { assertLinearTime } from '../linear-time.js'
import { clipboardFragment, cleanPastedHtml, PASTE_TAGS, plainTextToHtml } from '../../src/domain/paste-clean.js'

const PASTE_DIR = corpus('paste/', 'the paste-cleaning corpus tests')

/**
 * A capture as the program put it on the clipboard. The google-docs-to-markdown captures (*-copy.html)
 * were re-indented for diffs; their README gives the way back: every newline and the tabs after it removed.
 */
function capture(name: string): string {
  const text = readFileSync(PASTE_DIR + name, 'utf8')
  return name.endsWith('-copy.html') ? text.replace(/\n\t*/g, '') : text
}

/** The tags of cleaned HTML, checked to be allowed, attribute-free (but a[href]) and properly nested. */
function assertAllowedMarkup(html: string, name: string): void {
  const allowed = new Set<string>(PASTE_TAGS)
  const stack: string[] = []
  for (const m of html.matchAll(/<(\/?)([^\s>/]+)([^>]*)>/g)) {
    const [, closing, tag, attrs] = m as unknown as [string, string, string, string]
    assert.ok(allowed.has(tag), `${name}: <${tag}> is not allowed`)
    if (closing) {
      assert.equal(stack.pop(), tag, `${name}: </${tag}> closes something else`)
      continue
    }
    if (tag === 'a') assert.match(attrs, /^ href="(https?:|mailto:)[^"]*"$/, `${name}: a link's attributes: ${attrs}`)
    else assert.equal(attrs, '', `${name}: <${tag}> has attributes: ${attrs}`)
    if (tag !== 'br' && tag !== 'hr') stack.push(tag)
  }
  assert.deepEqual(stack, [], `${name}: unclosed ${stack.join(', ')}`)
  assert.doesNotMatch(html, /style=|class=|<span|mso-|<o:p|<!--|<img|&nbsp;/i, `${name}: leftovers`)
  assert.doesNotMatch(html, /<p>(\s|<br>)*<\/p>/, `${name}: an empty paragraph`)
}

const BLOCK_TAGS = ['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'td', 'th', 'tr', 'table', 'blockquote', 'br', 'hr', 'dt', 'dd', 'pre']

/**
 * The words (letters and digits, two or more) of a document's text, without its style, script and title;
 * block boundaries separate words, as they do on screen.
 */
function words(html: string): Set<string> {
  const blocks = sanitizeHtml(html, { allowedTags: BLOCK_TAGS, allowedAttributes: {}, nonTextTags: ['style', 'script', 'title', 'xml', 'head', 'textarea', 'option'] })
  const text = blocks.replace(/<[^>]*>/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
  return new Set(text.match(/[\p{L}\p{N}]{2,}/gu) ?? [])
}

function count(html: string, pattern: RegExp): number {
  return html.match(new RegExp(pattern.source, 'g'))?.length ?? 0
}

describe('cleaning pasted HTML: every capture in the corpus', { skip: !PASTE_DIR && 'no ../shared/corpora/paste' }, () => {
  const names = PASTE_DIR ? readdirSync(PASTE_DIR).filter((name) => name.endsWith('.html')).sort() : []

  it('finds the 28 captures', () => {
    assert.ok(names.length >= 28, `${names.length} captures`)
  })

  for (const name of names) {
    it(`${name}: only allowed markup, no styling left, every word kept`, () => {
      const source = capture(name)
      const cleaned = cleanPastedHtml(source)
      assert.notEqual(cleaned, '', 'something comes out')
      assertAllowedMarkup(cleaned, name)
      const kept = words(cleaned)
      const missing = [...words(clipboardFragment(source))].filter((word) => !kept.has(word))
      assert.deepEqual(missing, [], 'words of the source missing from the result')
    })
  }
})

describe('cleaning pasted HTML: the shapes that must survive', { skip: !PASTE_DIR && 'no ../shared/corpora/paste' }, () => {
  const clean = (name: string) => cleanPastedHtml(capture(name))

  it('Google Docs headings become h2 and h3, and the document-wide <b> wrapper is not bold', () => {
    const html = clean('google-docs--headings--headings-and-paragraphs-copy.html')
    assert.match(html, /<h2>Heading 1<\/h2>/)
    assert.match(html, /<h2>Heading 2<\/h2>/)
    assert.match(html, /<h3>Heading 3<\/h3>/)
    assert.doesNotMatch(html, /<strong>/)
    assert.match(html, /<p>Another paragraph in the middle\.<br>But with a line break\.<\/p>/)
  })

  it('LibreOffice and Word headings: h1 becomes h2, h3 stays', () => {
    const lo = clean('libreoffice--headings--chrome.html')
    assert.equal(count(lo, /<h2>/), 2)
    assert.equal(count(lo, /<h3>/), 1)
    assert.match(clean('word--headings-inline-styles--chrome.html'), /<h2>I\. Test<\/h2>/)
    assert.match(clean('word--images-headings--input-word2023.html'), /<h2>Stock Image<\/h2>/)
  })

  it('Google Docs bold and italic, said only in CSS, become strong and em', () => {
    const html = clean('google-docs--basic-styles--inline-formatting-copy.html')
    assert.match(html, /<strong>is bold <em>and italic<\/em><\/strong>/)
    assert.match(html, /<em> or just italic<\/em>/)
    assert.match(html, /<a href="https:\/\/github\.com\/">linked \(to GitHub\)<\/a>/)
  })

  it('Word and LibreOffice bold and italic become strong and em; underline and strike-through go', () => {
    const word = clean('word--basic-styles--input-word2016.html')
    assert.match(word, /<p>Line <strong>bold<\/strong> and <em>italics<\/em><\/p>/)
    assert.match(word, /<strong>styling, <em>space on e<\/em>nd<\/strong>/)
    const lo = clean('libreoffice--basic-styles--chrome.html')
    assert.match(lo, /<p><strong>bold<\/strong><\/p>/)
    assert.match(lo, /<p><em>italic<\/em><\/p>/)
    assert.match(lo, /<p>underline<\/p>/)
  })

  it('Google Docs lists keep their nesting, sublists inside their parent item, bullets and numbers apart', () => {
    const html = clean('google-docs--lists--lists-copy.html')
    assert.match(html, /<ul><li>This is<\/li><li>A bulleted<\/li><li>List of stuff\.<ul><li>With<\/li><li>Subitems<ul><li>And<\/li><li>Sub-subitems<ol><li>But numbered not bulleted!<\/li><\/ol><\/li><\/ul><\/li><\/ul><\/li>/)
    assert.match(html, /<ol><li>This is<\/li><li>A numbered<\/li>/)
    assert.match(html, /<li>This item has line breaks\.<br>Here is a second line\.<\/li>/)
  })

  it('LibreOffice lists with unclosed <li> nest four levels deep', () => {
    const html = clean('libreoffice--lists--chrome.html')
    assert.match(html, /<ol><li>list 1<ol><li>list 1\.1<\/li><li>list 1\.2<ol><li>list 1\.2\.1<\/li>/)
    assert.match(html, /<li>list 4\.1<ol><li>list 4\.1\.1<ol><li>list 4\.1\.1\.1<\/li><\/ol><\/li>/)
    assert.match(html, /<ul><li>list A<\/li><li>list B<ul><li>list B\.A<\/li>/)
  })

  it('Word’s mso-list paragraphs become real lists: numbered, outline-numbered with a sublist, bulleted', () => {
    const html = clean('word--lists-numbered-outline-bulleted--word.html')
    assert.match(html, /<ol><li>Numbered list 1<\/li><li>Numbered list 2<\/li><li>Numbered list 3<\/li><li>Numbered list 4<\/li><\/ol>/)
    assert.match(html, /<ol><li>Outline numbered 1<ol><li>Outline numbered 1\.a<\/li><li>Outline numbered 1\.b<\/li><\/ol><\/li><li>Outline numbered 2<\/li><\/ol>/)
    assert.match(html, /<ul><li>Bulleted list 1<\/li><li>Bulleted list 2<\/li><\/ul>/)
    assert.doesNotMatch(html, /·|Symbol/, 'the markers are gone')
  })

  it('Word’s nested lists nest where the source does, skipped levels included (Safari and others)', () => {
    assert.equal(clean('word--nested-list-safari--input-safari-word2016.html'),
      '<ol><li>A1</li><li>B1<ol><li>C2<ol><li>D4</li></ol></li><li>E2<ol><li>F3</li></ol></li></ol></li><li>G1</li></ol>')
    assert.equal(clean('word--nested-mixed-list--input-word2016.html'),
      '<ul><li>A1<ol><li>B2<ul><li>C4</li></ul><ol><li>D3</li></ol></li></ol></li><li>E1<ol><li>F2</li></ol></li></ul>')
  })

  it('links keep their address; footnote anchors and bookmarks lose the link, keep the text', () => {
    assert.equal(clean('libreoffice--link--chrome.html'), '<p>Simple text <a href="http://example.com/">link</a>.</p>')
    assert.match(clean('word--links-bookmarks--input-word.html'), /<a href="http:\/\/ckeditor\.com\/">Link \(not a bookmark\)\.<\/a>/)
    const footnotes = clean('word--footnotes--firefox.html')
    assert.match(footnotes, /<p>Test with footnote\[1\]\.<\/p>/)
    assert.doesNotMatch(footnotes, /<a /)
  })

  it('tables stay simple tables: a header row when there was one, cells without styling', () => {
    const html = clean('google-docs--table--tables-copy.html')
    assert.match(html, /<table><thead><tr><th>Column<\/th><th>Headings<\/th>/)
    assert.match(html, /<tbody><tr><td>Textual<\/td><td>53<\/td>/)
    assert.match(clean('libreoffice--table--chrome.html'), /<tr><td>Phase 1: Market research<\/td><td>2019-08-15<\/td><td>✓<\/td><\/tr>/)
  })

  it('images (file: paths, VML shapes) are dropped and the text around them stays', () => {
    assert.equal(clean('libreoffice--images--chrome.html'), '<p>Some text</p><p>Lorem ipsum</p>')
    assert.equal(clean('word--images-vml-shapes--chrome.html'),
      '<p>Kitty from internet:</p><p>My drawing: hehehehe :D</p><p>Additional shape made within Word is added here:</p>')
  })

  it('the Windows CF_HTML wrapper and Word’s page break leave nothing behind', () => {
    assert.equal(clean('google-docs--windows-cf-html-wrapper--input.html'), '<p>Hello world</p>')
    assert.equal(clean('word--page-break--chrome.html'), '<p>First page</p><p>Second page</p>')
  })
})

describe('cleaning pasted HTML: small cases', () => {
  it('strips a CF_HTML header with its offsets', () => {
    const header = 'Version:0.9\r\nStartHTML:0000000105\r\nEndHTML:0000000199\r\nStartFragment:0000000141\r\nEndFragment:0000000163\r\n'
    assert.equal(cleanPastedHtml(`${header}<html><body><!--StartFragment--><p>Hi <b>there</b></p><!--EndFragment--></body></html>`), '<p>Hi <strong>there</strong></p>')
  })

  it('drops tracking pixels, file: images, scripts, comments and conditional comments', () => {
    const html = '<p>Text<img src="https://t.example/p.gif" width="1" height="1"><img src="file:///C:/x.png"></p><!--[if gte mso 9]><xml><w:x>no</w:x></xml><![endif]--><script>alert(1)</script><p><o:p>&nbsp;</o:p></p><p>More</p>'
    assert.equal(cleanPastedHtml(html), '<p>Text</p><p>More</p>')
  })

  it('keeps only web and mail links', () => {
    const html = '<p><a href="javascript:alert(1)">a</a> <a href="file:///x">b</a> <a href="mailto:desk@example.org">c</a> <a href="HTTPS://example.org/?a=1&amp;b=&quot;2&quot;">d</a></p>'
    assert.equal(cleanPastedHtml(html), '<p>a b <a href="mailto:desk@example.org">c</a> <a href="HTTPS://example.org/?a=1&amp;b=&quot;2&quot;">d</a></p>')
  })

  it('Google Docs’ wrapper is not bold even without its style; a bold span inside it is', () => {
    assert.equal(cleanPastedHtml('<b id="docs-internal-guid-1234"><p><span>Plain</span> <span style="font-weight:700">strong</span> <span style="font-style:italic">it</span></p></b>'),
      '<p>Plain <strong>strong</strong> <em>it</em></p>')
  })

  it('turns h1 into h2 and h4–h6 into h3; a blockquote keeps its paragraphs', () => {
    assert.equal(cleanPastedHtml('<h1>A</h1><h4>B</h4><h6>C</h6><blockquote><p>Q1</p><p>Q2</p></blockquote>'),
      '<h2>A</h2><h3>B</h3><h3>C</h3><blockquote><p>Q1</p><p>Q2</p></blockquote>')
  })

  it('escapes text and keeps Armenian and Russian as they are', () => {
    assert.equal(cleanPastedHtml('<p>Երևան &lt;script&gt; & «Москва»</p>'), '<p>Երևան &lt;script&gt; &amp; «Москва»</p>')
  })

  it('plain text: blank lines make paragraphs, single line breaks stay, everything escaped', () => {
    assert.equal(plainTextToHtml('First line\nsecond line\n\n\nNext <para> & more\r\n\r\n  \n'), '<p>First line<br>second line</p><p>Next &lt;para&gt; &amp; more</p>')
    assert.equal(plainTextToHtml('\n\n'), '')
  })
})

describe('cleaning pasted HTML takes time in proportion to the input', () => {
  const N = 20_000
  const shapes: Record<string, string> = {
    'nested bold': '<b>x',
    'nested lists': '<ul><li>x',
    'Word list paragraphs at rising levels': '<p style="mso-list:l0 level9 lfo1">x</p><p style="mso-list:l0 level1 lfo1">y</p>',
    'Google Docs spans': '<span style="font-weight:700;font-style:italic">x </span><span style="font-weight:400">y</span>',
    'unclosed attributes': '<p style="',
    'comments that never end': '<!--[if ',
    'paragraphs of spaces': '<p>&nbsp; &nbsp;</p>',
    'links': '<a href="https://x.example/">x</a>',
    'table cells': '<table><tr><td>x',
    'angle brackets': '<<>>'
  }
  for (const [name, unit] of Object.entries(shapes)) {
    it(name, () => {
      const build = (length: number) => unit.repeat(Math.ceil(length / unit.length))
      assertLinearTime(`cleanPastedHtml on ${name}`, cleanPastedHtml, build(N), build(4 * N))
    })
  }
  it('plain text', () => {
    const build = (length: number) => 'a \n\n \n'.repeat(length / 6)
    assertLinearTime('plainTextToHtml', plainTextToHtml, build(N), build(4 * N))
  })
})
