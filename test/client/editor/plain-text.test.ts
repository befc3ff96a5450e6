import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { bodySchema } from '../../../src/domain/body-schema.js'
import { plainTextParagraphs, plainTextSlice } from '../../../client/editor/plain-text.js'

describe('plain text pasted into the body', () => {
  it('makes a paragraph of each block between blank lines, and a line break of a single newline', () => {
    const paragraphs = plainTextParagraphs('Line one\r\nline two\n\n  \nSecond paragraph\n', bodySchema)
    assert.deepEqual(paragraphs.map((p) => p.toJSON()), [
      { type: 'paragraph', content: [{ type: 'text', text: 'Line one' }, { type: 'hard_break' }, { type: 'text', text: 'line two' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Second paragraph' }] }
    ])
  })

  it('is open at both ends, so one line joins the paragraph it is pasted into', () => {
    const slice = plainTextSlice('just words', bodySchema)
    assert.equal(slice.openStart, 1)
    assert.equal(slice.openEnd, 1)
    assert.equal(plainTextSlice(' \n ', bodySchema).size, 0)
  })
})
