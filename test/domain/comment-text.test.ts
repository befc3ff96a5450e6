import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { escapeHtml, commentTextToHtml } from '../../src/domain/comment-text.js'

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

  it('escapes every special character, in every paragraph', () => {
    const html = commentTextToHtml('<b>"Tom & Jerry\'s"</b>\n\n<img src=x onerror=alert(1)>')
    assert.equal(html, '<p>&lt;b&gt;&quot;Tom &amp; Jerry&#39;s&quot;&lt;/b&gt;</p><p>&lt;img src=x onerror=alert(1)&gt;</p>')
    const text = html.replace(/<\/?p>|<br>/g, '')
    assert.doesNotMatch(text, /[<>"']/)
  })
})
