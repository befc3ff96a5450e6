import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { MAX_BODY_NESTING, renderArticleBody, sanitizeBodyHtml, withAgencyCredit } from '../../src/domain/article-body.js'
import { assertLinearTime } from '../linear-time.js'
import { escapeHtml } from '../../src/domain/html-escape.js'

describe('renderArticleBody', () => {
  it('renders a body of unclosed tags in linear time: 60,000 and 240,000 characters of "<b>x" (55 s at 240,000 before)', () => {
    // Below about 130,000 characters neither the Markdown nor the sanitiser showed the blow-up: measured at this size.
    const body = (n: number) => '<b>x'.repeat(n / 4)
    assertLinearTime('renderArticleBody on unclosed tags', renderArticleBody, body(60_000), body(240_000))
  })

  it('keeps the words of HTML nested past reason as plain, escaped paragraphs', () => {
    const deep = '<div>'.repeat(MAX_BODY_NESTING + 1) + 'Rain &amp; wind<script>alert(1)</script>\n\nCalm by noon'
    assert.equal(sanitizeBodyHtml(deep), '<p>Rain &amp; windalert(1)</p>\n<p>Calm by noon</p>')
    const fine = '<div>'.repeat(20) + '<b>Rain</b>'
    assert.equal(sanitizeBodyHtml(fine), '<b>Rain</b>', 'ordinary nesting is sanitised as before')
  })

  it('turns Markdown paragraphs and emphasis into HTML', () => {
    assert.equal(renderArticleBody('One *two* **three**.\n\nFour.'), '<p>One <em>two</em> <strong>three</strong>.</p>\n<p>Four.</p>')
  })

  it('turns a level-one heading into h2, as the headline is the only h1', () => {
    const html = renderArticleBody('# Background\n\n## Details')
    assert.equal(html, '<h2>Background</h2>\n<h2>Details</h2>')
    assert.doesNotMatch(html, /<h1/)
  })

  it('keeps "<…>" in the text as escaped text', () => {
    const html = renderArticleBody('It was presumably <…> that will happen.')
    assert.equal(html, '<p>It was presumably &lt;…&gt; that will happen.</p>')
  })

  it('removes script tags together with their content', () => {
    const html = renderArticleBody('Before.\n\n<script>alert(1)</script>\n\nAfter.')
    assert.doesNotMatch(html, /script|alert/i)
    assert.match(html, /<p>Before\.<\/p>/)
    assert.match(html, /<p>After\.<\/p>/)
  })

  it('removes on* event attributes', () => {
    const html = renderArticleBody('<p onclick="alert(1)">Hi</p>\n\n<img src="https://example.com/a.jpg" alt="A" onerror="alert(2)">')
    assert.doesNotMatch(html, /onclick|onerror|alert/)
    assert.match(html, /<p>Hi<\/p>/)
    assert.match(html, /<img src="https:\/\/example.com\/a.jpg" alt="A" \/>/)
  })

  it('removes javascript: links but keeps their text', () => {
    const html = renderArticleBody('[click me](javascript:alert(1)) and <a href="JavaScript:alert(2)">me</a>')
    assert.doesNotMatch(html, /javascript|alert/i)
    assert.match(html, /<a>click me<\/a>/)
  })

  it('removes protocol-relative links and javascript: images', () => {
    const html = renderArticleBody('<a href="//evil.example/x">p</a>\n\n<img src="javascript:alert(1)" alt="x">')
    assert.doesNotMatch(html, /evil\.example|javascript/)
  })

  it('removes iframes', () => {
    const html = renderArticleBody('Text.\n\n<iframe src="https://evil.example/"></iframe>')
    assert.doesNotMatch(html, /iframe|evil/)
    assert.match(html, /<p>Text\.<\/p>/)
  })

  it('removes style blocks and style attributes', () => {
    const html = renderArticleBody('<style>body{display:none}</style>\n\n<p style="color:red">Red</p>')
    assert.doesNotMatch(html, /style|display|color/)
  })

  it('keeps the href and title of ordinary links', () => {
    assert.equal(
      renderArticleBody('See [the report](https://example.com/a?b=1&c=2 "Report") and [the desk](mailto:desk@example.com).'),
      '<p>See <a href="https://example.com/a?b=1&amp;c=2" title="Report">the report</a> and <a href="mailto:desk@example.com">the desk</a>.</p>'
    )
  })

  it('keeps lists, quotes and code', () => {
    const html = renderArticleBody('- one\n- two\n\n> quoted\n\n`code`')
    assert.match(html, /<ul>\s*<li>one<\/li>\s*<li>two<\/li>\s*<\/ul>/)
    assert.match(html, /<blockquote>\s*<p>quoted<\/p>\s*<\/blockquote>/)
    assert.match(html, /<code>code<\/code>/)
  })

  it('returns an empty string for an empty body', () => {
    assert.equal(renderArticleBody(''), '')
  })
})

describe('withAgencyCredit', () => {
  const credit = (text: string) => `<span class="agency-credit">${text}</span>`

  it('opens the first paragraph with the credit', () => {
    assert.equal(
      withAgencyCredit('<p>The US administration expects a reply.</p><p>More.</p>', 'TASS', escapeHtml),
      `<p>${credit('/TASS/.')} The US administration expects a reply.</p><p>More.</p>`
    )
  })

  it('marks up a credit the body already starts with instead of repeating it', () => {
    const html = withAgencyCredit('<p>/TASS/. The US administration expects a reply.</p>', 'TASS', escapeHtml)
    assert.equal(html, `<p>${credit('/TASS/.')} The US administration expects a reply.</p>`)
    assert.equal(html.split('/TASS/').length - 1, 1)
  })

  it('marks up an existing credit without a full stop as it is', () => {
    assert.equal(
      withAgencyCredit('<p>/TASS/ The US administration…</p>', 'TASS', escapeHtml),
      `<p>${credit('/TASS/')} The US administration…</p>`
    )
  })

  it('works on a body rendered from wire copy that starts with the credit', () => {
    const html = withAgencyCredit(renderArticleBody('/TASS/. The US administration expects a reply.'), 'TASS', escapeHtml)
    assert.equal(html, `<p>${credit('/TASS/.')} The US administration expects a reply.</p>`)
  })

  it('returns the body unchanged without a credit', () => {
    const body = '<p>The US administration expects a reply.</p>'
    assert.equal(withAgencyCredit(body, null, escapeHtml), body)
    assert.equal(withAgencyCredit(body, '', escapeHtml), body)
  })

  it('puts the credit in a paragraph of its own when the body does not open with one', () => {
    assert.equal(
      withAgencyCredit('<h2>Background</h2><p>Text.</p>', 'TASS', escapeHtml),
      `<p>${credit('/TASS/.')}</p><h2>Background</h2><p>Text.</p>`
    )
    assert.equal(withAgencyCredit('', 'TASS', escapeHtml), `<p>${credit('/TASS/.')}</p>`)
  })

  it('escapes the credit with the escape function it is given', () => {
    assert.equal(
      withAgencyCredit('<p>Text.</p>', 'A&B <News>', escapeHtml),
      `<p>${credit('/A&amp;B &lt;News&gt;/.')} Text.</p>`
    )
    const seen: string[] = []
    const html = withAgencyCredit('<p>Text.</p>', 'tass', (s) => {
      seen.push(s)
      return s.toUpperCase()
    })
    assert.deepEqual(seen, ['tass'])
    assert.equal(html, `<p>${credit('/TASS/.')} Text.</p>`)
  })

  it('recognises an existing credit with special characters in rendered Markdown', () => {
    const html = withAgencyCredit(renderArticleBody('/A&B/. Text.'), 'A&B', escapeHtml)
    assert.equal(html, `<p>${credit('/A&amp;B/.')} Text.</p>`)
  })
})
