import { test } from 'node:test'
import assert from 'node:assert/strict'
import { cdataHtml, xmlSafe } from '../../src/domain/xml-text.js'

test('xmlSafe drops what XML forbids and keeps everything else, paired surrogates (emoji) included', () => {
  assert.equal(xmlSafe('Հայերեն, Русский, English'), 'Հայերեն, Русский, English')
  assert.equal(xmlSafe('a\u0000b\u0008c\u000Bd\u000Ce\u001Ff'), 'abcdef')
  assert.equal(xmlSafe('tab\there\nnew\rreturn'), 'tab\there\nnew\rreturn')
  assert.equal(xmlSafe('\uFFFE\uFFFFok'), 'ok')
  assert.equal(xmlSafe('breaking 😀 news'), 'breaking 😀 news')
  assert.equal(xmlSafe('lone \uD800 high, lone \uDC00 low'), 'lone  high, lone  low')
  assert.equal(xmlSafe('ends high \uD83D'), 'ends high ')
  assert.equal(xmlSafe('\uDE00starts low'), 'starts low')
  assert.equal(xmlSafe('\u007F and \u0085 are allowed'), '\u007F and \u0085 are allowed')
})

test('cdataHtml makes "]]>" harmless inside a CDATA section', () => {
  assert.equal(cdataHtml('<p>a]]>b\u0001</p>'), '<p>a]]&gt;b</p>')
})
