import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { assertLinearTime } from '../linear-time.js'
import { renderArticleBody } from '../../src/domain/article-body.js'
import { excerptToLead, hasBlocks, removeBlockComments, renderShortcodes, wordpressContentToBody, wpautop } from '../../src/domain/wp-content.js'

/** What a reader sees: the converted content through the article body renderer and its sanitiser. */
const shown = (content: string): string => renderArticleBody(wordpressContentToBody(content))

describe('wpautop, as WordPress writes it', () => {
  it('makes paragraphs of double line breaks and <br /> of single ones', () => {
    assert.equal(wpautop('first paragraph\n\nsecond paragraph'), '<p>first paragraph</p>\n<p>second paragraph</p>\n')
    assert.equal(wpautop('line one\nline two'), '<p>line one<br />\nline two</p>\n')
  })

  it('does not wrap block elements, and leaves <pre> untouched', () => {
    assert.equal(wpautop('<h2>Title</h2>\nText'), '<h2>Title</h2>\n<p>Text</p>\n')
    assert.equal(wpautop('<pre>a\n\nb</pre>\ntext'), '<pre>a\n\nb</pre>\n<p>text</p>\n')
    assert.equal(wpautop('<ul>\n<li>a</li>\n<li>b</li>\n</ul>'), '<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n')
  })

  it('puts a paragraph inside a blockquote, and keeps line breaks inside tags', () => {
    assert.equal(wpautop('<blockquote>Quoted</blockquote>'), '<blockquote><p>Quoted</p></blockquote>\n')
    assert.equal(wpautop('<a\nhref="https://example.com/">x</a>'), '<p><a\nhref="https://example.com/">x</a></p>\n')
  })

  it('turns two <br>s in a row into a paragraph break', () => {
    assert.equal(wpautop('one<br><br>two'), '<p>one</p>\n<p>two</p>\n')
  })

  it('is empty for whitespace', () => {
    assert.equal(wpautop(' \n\n '), '')
  })
})

describe('block editor content', () => {
  const blocks = '<!-- wp:paragraph -->\n<p>Hi</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:list {"ordered":false} -->\n<ul><li>a</li></ul>\n<!-- /wp:list -->'

  it('is recognised and loses its block comments, without wpautop (as WordPress skips it)', () => {
    assert.equal(hasBlocks(blocks), true)
    assert.equal(removeBlockComments(blocks), '<p>Hi</p>\n\n<ul><li>a</li></ul>\n')
    assert.equal(shown(blocks), '<p>Hi</p>\n<ul><li>a</li></ul>')
  })
})

describe('shortcodes', () => {
  it('renders [caption] as a figure with its caption', () => {
    const html = shown('[caption id="attachment_6" align="alignright" width="300"]<img src="https://example.com/a.jpg" alt="A boat" width="300" height="200" /> The boat[/caption]\n\nAfter.')
    assert.equal(html, '<figure><img src="https://example.com/a.jpg" alt="A boat" width="300" height="200" /><figcaption>The boat</figcaption></figure>\n<p>After.</p>')
  })

  it('renders [caption caption="…"] (the older form) too', () => {
    assert.equal(renderShortcodes('[caption caption="Old style"]<img src="https://example.com/a.jpg">[/caption]'), '<figure><img src="https://example.com/a.jpg"><figcaption>Old style</figcaption></figure>')
  })

  it('renders [embed] as a link to what it embeds', () => {
    assert.equal(shown('[embed]https://www.youtube.com/watch?v=abc[/embed]'), '<p><a href="https://www.youtube.com/watch?v=abc">https://www.youtube.com/watch?v=abc</a></p>')
  })

  it('keeps unknown shortcodes visibly as text, and [[x]] as the literal [x]', () => {
    assert.equal(shown('[gallery ids="1,2"]\n\nText [foo]bar[/foo].'), '<p>[gallery ids="1,2"]</p>\n<p>Text [foo]bar[/foo].</p>')
    assert.equal(renderShortcodes('[[caption]x[/caption]]'), '[caption]x[/caption]')
  })

  it('leaves an [embed] that is not a web address as its text', () => {
    assert.equal(renderShortcodes('[embed]javascript:alert(1)[/embed]'), 'javascript:alert(1)')
  })
})

describe('the body as readers see it', () => {
  it('keeps backslashes, Markdown-like characters and multi-byte text exactly', () => {
    assert.equal(shown('C:\\xampp\\htdocs *not emphasis* _nor this_ # nor a heading'), '<p>C:\\xampp\\htdocs *not emphasis* _nor this_ # nor a heading</p>')
    assert.equal(shown('Ереван 🌲 Երևան — ‮RTL‬'), '<p>Ереван 🌲 Երևան — ‮RTL‬</p>')
    assert.equal(shown('Slashes aren\\\'t \\"cool\\"'), '<p>Slashes aren\\\'t \\"cool\\"</p>')
  })

  it('keeps blank lines inside <pre>', () => {
    assert.equal(shown('<pre>one\n\n\ntwo</pre>'), '<pre>one\n\n\ntwo</pre>')
  })

  it('runs the article sanitiser: scripts and event handlers go', () => {
    const html = shown('<p onclick="x()">Hi</p><script>alert(1)</script>\n\n<img src="javascript:alert(1)">')
    assert.doesNotMatch(html, /script|onclick|javascript/)
    assert.match(html, /<p>Hi<\/p>/)
  })

  it('is empty for empty content', () => {
    assert.equal(wordpressContentToBody('   '), '')
  })
})

describe('excerptToLead', () => {
  it('is plain text on one line', () => {
    assert.equal(excerptToLead('<p>An <b>excerpt</b> &amp; more&#8230;</p>\n\n'), 'An excerpt & more…')
  })
})

describe('conversion time grows linearly with the content', () => {
  const shapes: Record<string, (n: number) => string> = {
    'unclosed list items': (n) => '<p><li'.repeat(n),
    'unclosed scripts': (n) => '<script '.repeat(n) + 'x\n'.repeat(10),
    'unclosed shortcodes': (n) => '[caption]'.repeat(n),
    'unclosed tags': (n) => '<div '.repeat(n) + '\n\n',
    'spaces without a newline': (n) => ' '.repeat(n * 6) + 'x',
    paragraphs: (n) => 'Text\n\n'.repeat(n),
    'unclosed pre': (n) => '<pre '.repeat(n) + '</pre>'
  }
  for (const [name, make] of Object.entries(shapes)) {
    it(name, () => {
      assertLinearTime(name, wordpressContentToBody, make(20_000), make(80_000))
    })
  }
})
