import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { Fragment, Slice } from 'prosemirror-model'
import { bodySchema } from '../../../src/domain/body-schema.js'
import { dropUnsavableCharacters } from '../../../client/editor/unsavable-characters.js'

describe('pasted text the article form would refuse', () => {
  it('loses its control characters, keeping its marks, tabs and the rest of the text', () => {
    const strong = bodySchema.marks.strong!.create()
    const paragraph = bodySchema.nodes.paragraph!.create(null, [
      bodySchema.text('Salary\u0011 test\u001C'), bodySchema.text('\tbold\u0000', [strong]), bodySchema.text('\u0007')
    ])
    const cleaned = dropUnsavableCharacters(new Slice(Fragment.from(paragraph), 1, 1))
    assert.deepEqual(cleaned.content.toJSON(), [{
      type: 'paragraph',
      content: [{ type: 'text', text: 'Salary test' }, { type: 'text', text: '\tbold', marks: [{ type: 'strong' }] }]
    }])
    assert.equal(cleaned.openStart, 1)
  })
})
