import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { commentTextToHtml } from '../../src/domain/comment-text.js'
import { escapeHtml } from '../../src/domain/html-escape.js'
import { assertLinearTime } from '../linear-time.js'

describe('escapeHtml', () => {
  it('escapes each of < > & " and \'', () => {
    assert.equal(escapeHtml('<'), '&lt;')
    assert.equal(escapeHtml('>'), '&gt;')
    assert.equal(escapeHtml('&'), '&amp;')
    assert.equal(escapeHtml('"'), '&quot;')
    assert.equal(escapeHtml("'"), '&#39;')
  })

  it('escapes every occurrence, not just the first', () => {
    assert.equal(escapeHtml('<<&&>>'), '&lt;&lt;&amp;&amp;&gt;&gt;')
  })

  it('escapes an ampersand that already starts an entity', () => {
    assert.equal(escapeHtml('&amp;'), '&amp;amp;')
  })

  it('leaves other text, including non-Latin letters, untouched', () => {
    assert.equal(escapeHtml('Госдеп ԱՄՆ 😀 / = `'), 'Госдеп ԱՄՆ 😀 / = `')
  })

  it('makes an attribute breakout inert', () => {
    assert.equal(escapeHtml('" onmouseover="alert(1)'), '&quot; onmouseover=&quot;alert(1)')
  })
})

describe('commentTextToHtml', () => {
  it('wraps a single line in a paragraph', () => {
    assert.equal(commentTextToHtml('Thank you for the report.'), '<p>Thank you for the report.</p>')
  })

  it('starts a new paragraph at a blank line', () => {
    assert.equal(commentTextToHtml('First.\n\nSecond.'), '<p>First.</p><p>Second.</p>')
  })

  it('treats several blank lines as one paragraph break', () => {
    assert.equal(commentTextToHtml('First.\n\n\n\nSecond.'), '<p>First.</p><p>Second.</p>')
  })

  it('turns a single newline into <br>', () => {
    assert.equal(commentTextToHtml('Line one\nLine two'), '<p>Line one<br>Line two</p>')
  })

  it('handles Windows line breaks', () => {
    assert.equal(commentTextToHtml('One\r\nstill one\r\n\r\nTwo'), '<p>One<br>still one</p><p>Two</p>')
  })

  it('handles old Mac line breaks', () => {
    assert.equal(commentTextToHtml('One\rstill one\r\rTwo'), '<p>One<br>still one</p><p>Two</p>')
  })

  it('drops leading and trailing blank lines', () => {
    assert.equal(commentTextToHtml('\n\n  Only.  \n\n\n'), '<p>Only.</p>')
  })

  it('returns nothing for empty or blank text', () => {
    assert.equal(commentTextToHtml(''), '')
    assert.equal(commentTextToHtml('\n\n \n\n'), '')
  })

  it('makes a script tag inert', () => {
    assert.equal(commentTextToHtml('<script>alert(1)</script>'), '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')
  })

  it('escapes every special character outside the allowed tags, in every paragraph', () => {
    const html = commentTextToHtml('<b>"Tom & Jerry\'s"</b>\n\n<img src=x onerror=alert(1)>')
    assert.equal(html, '<p><b>"Tom &amp; Jerry\'s"</b></p><p>&lt;img src=x onerror=alert(1)&gt;</p>')
  })
})

describe('commentTextToHtml: the inline tags WordPress allows', () => {
  it('keeps b, strong, em, i, q, cite, code and del', () => {
    for (const tag of ['b', 'strong', 'em', 'i', 'q', 'cite', 'code', 'del']) {
      assert.equal(commentTextToHtml(`a <${tag}>word</${tag}> b`), `<p>a <${tag}>word</${tag}> b</p>`)
    }
  })

  it('rebuilds allowed tags without their attributes, in lower case', () => {
    assert.equal(commentTextToHtml('<B class="x" onclick="alert(1)">bold</B> <em style="color:red">e</em>'), '<p><b>bold</b> <em>e</em></p>')
  })

  it('keeps a link with an http(s) href, adding rel="nofollow ugc noopener"', () => {
    assert.equal(commentTextToHtml('<a href="https://example.org/a?b=1&amp;c=2" target="_blank" onmouseover="x">source</a>'),
      '<p><a href="https://example.org/a?b=1&amp;c=2" rel="nofollow ugc noopener">source</a></p>')
  })

  it('drops javascript:, data: and entity-disguised hrefs but keeps the text', () => {
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', '&#106;avascript:alert(1)', 'java&#x09;script:alert(1)', ' javascript:alert(1)', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'vbscript:x']) {
      const html = commentTextToHtml(`<a href="${href}">click</a>`)
      assert.doesNotMatch(html, /href=/, href)
      assert.match(html, /click<\/a>/, href)
    }
  })

  it('shows other tags as typed', () => {
    assert.equal(commentTextToHtml('<script>alert(1)</script>'), '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')
    assert.equal(commentTextToHtml('<iframe src="x"></iframe>'), '<p>&lt;iframe src="x"&gt;&lt;/iframe&gt;</p>')
    assert.equal(commentTextToHtml('<svg/onload=alert(1)>'), '<p>&lt;svg/onload=alert(1)&gt;</p>')
    assert.equal(commentTextToHtml('a < b and c > d'), '<p>a &lt; b and c &gt; d</p>')
  })

  it('balances tags: unclosed ones are closed, stray closing ones dropped', () => {
    assert.equal(commentTextToHtml('<b>bold to the end'), '<p><b>bold to the end</b></p>')
    assert.equal(commentTextToHtml('x</b>y'), '<p>xy</p>')
    assert.equal(commentTextToHtml('<i><b>z</i></b>'), '<p><i><b>z</b></i></p>')
  })

  it('carries an inline tag across a paragraph break', () => {
    assert.equal(commentTextToHtml('<b>one\n\ntwo</b> three'), '<p><b>one</b></p><p><b>two</b> three</p>')
  })

  it('sets a blockquote between paragraphs, with its own paragraphs', () => {
    assert.equal(commentTextToHtml('They wrote:\n<blockquote>first\n\nsecond</blockquote>\nI disagree.'),
      '<p>They wrote:</p><blockquote><p>first</p><p>second</p></blockquote><p>I disagree.</p>')
  })

  it('keeps text typed as entities as the reader typed it', () => {
    assert.equal(commentTextToHtml('&lt;b&gt; &amp;'), '<p>&amp;lt;b&amp;gt; &amp;amp;</p>')
  })
})

describe('commentTextToHtml: stray and interleaved closing tags', () => {
  it('a closing tag closes its own opening and those opened after it; one that closes nothing is dropped', () => {
    assert.equal(commentTextToHtml('<b>bold <i>both</b> plain'), '<p><b>bold <i>both</i></b> plain</p>')
    assert.equal(commentTextToHtml('plain</b> text'), '<p>plain text</p>')
  })

  it('stays linear on "</b><i>" repeated, which once grew the parser\'s open tags without bound', () => {
    const text = (n: number) => '</b><i>'.repeat(n)
    assertLinearTime('comment text to HTML on "</b><i>"', commentTextToHtml, text(2000), text(8000))
    assert.ok((commentTextToHtml(text(50)).match(/<i>/g) ?? []).length <= 8, 'nesting stays bounded')
  })
})

describe('commentTextToHtml: web addresses become links', () => {
  const link = (href: string, text = href) => `<a href="${href}" rel="nofollow ugc noopener">${text}</a>`

  it('links http and https addresses', () => {
    assert.equal(commentTextToHtml('See https://example.org/report'), `<p>See ${link('https://example.org/report')}</p>`)
  })

  it('links www. addresses to https', () => {
    assert.equal(commentTextToHtml('at www.example.org today'), `<p>at ${link('https://www.example.org', 'www.example.org')} today</p>`)
  })

  it('leaves sentence punctuation and unbalanced brackets outside the link', () => {
    assert.equal(commentTextToHtml('Read https://example.org/a.'), `<p>Read ${link('https://example.org/a')}.</p>`)
    assert.equal(commentTextToHtml('(see http://x.example/a_(b))'), `<p>(see ${link('http://x.example/a_(b)')})</p>`)
    assert.equal(commentTextToHtml('https://example.org/?a=1&b=2, then'), `<p>${link('https://example.org/?a=1&amp;b=2')}, then</p>`)
  })

  it('stops at quotes and angle brackets, so an address cannot break out of its attribute', () => {
    assert.equal(commentTextToHtml('https://x.example/"onmouseover="alert(1)'), `<p>${link('https://x.example/')}"onmouseover="alert(1)</p>`)
    assert.equal(commentTextToHtml('https://x.example/<script>'), `<p>${link('https://x.example/')}&lt;script&gt;</p>`)
  })

  it('does not link inside a link the reader wrote', () => {
    assert.equal(commentTextToHtml('<a href="https://a.example">see https://b.example</a>'),
      '<p><a href="https://a.example" rel="nofollow ugc noopener">see https://b.example</a></p>')
  })

  it('ignores a bare scheme and other schemes', () => {
    assert.equal(commentTextToHtml('http:// and ftp://x.example'), '<p>http:// and ftp://x.example</p>')
  })
})
