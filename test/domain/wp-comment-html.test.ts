// The import's shortcut for plain-text comments (wp-comment-html.ts) must write exactly what
// commentTextToHtml writes: compared on every comment of the WordPress exports in the corpora and on
// random text made of the characters that matter (quotes, spaces, line breaks, markup, addresses).
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createReadStream } from 'node:fs'
import { commentTextToHtml } from '../../src/domain/comment-text.js'
import { importedCommentHtml } from '../../src/domain/wp-comment-html.js'
import { readWxr } from '../../src/domain/wxr-reader.js'
import { wxrCorpus, wxrPath } from '../wxr-corpora.js'

describe('imported comments\' HTML', () => {
  it('is commentTextToHtml\'s for plain and awkward text', () => {
    const samples = [
      'Comment 0 on story 1: agreed, mostly.', 'He said "no" and she said \'yes\'.', 'Two\n\nparagraphs\nwith a break', '  \n\n  ', '',
      'Trailing spaces   \n\n\n  and lines \n \n', '\r\nWindows\r\nlines\r\n\r\nhere\r', 'Tabs\t\n\t\nand\u00a0non-breaking\u00a0\n\u00a0', '\u2028separator\u2029',
      '<b>bold</b> text', 'a < b > c', 'AT&T', 'see https://example.com/ now', 'www.example.com', 'WWW.EXAMPLE.COM', 'HTTP://X.Y', '&amp; &quot;',
      'emoji 🎉 and ünïcödé', 'null \u0000 and bell \u0007'
    ]
    for (const text of samples) assert.equal(importedCommentHtml(text), commentTextToHtml(text), JSON.stringify(text))
  })

  it('is commentTextToHtml\'s for random text', () => {
    let seed = 7
    const random = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n }
    const pieces = ['word', ' ', '  ', '\n', '\n\n', '\n \n', '\t', '\r', '\r\n', '"', '\'', '\u00a0', '\u3000', '<br>', '<', '&', 'www.', 'http://x.y', '.', ')', '😀']
    for (let n = 0; n < 5000; n++) {
      let text = ''
      for (let i = random(20); i >= 0; i--) text += pieces[random(pieces.length)]
      assert.equal(importedCommentHtml(text), commentTextToHtml(text), JSON.stringify(text))
    }
  })

  const { files, skip } = wxrCorpus()
  it('is commentTextToHtml\'s for every comment of the WordPress exports', { skip }, async () => {
    let comments = 0
    for (const file of files) {
      try {
        for await (const r of readWxr(createReadStream(wxrPath(file)))) {
          if (r.kind !== 'item') continue
          for (const c of r.item.comments) {
            comments++
            assert.equal(importedCommentHtml(c.content), commentTextToHtml(c.content), `${file}: comment ${c.id}`)
          }
        }
      } catch (error) {
        if (!(error instanceof Error) || error.name !== 'WxrError') throw error
      }
    }
    assert.ok(comments > 20, `${comments} comments`)
  })
})
