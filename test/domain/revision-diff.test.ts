import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { diffText, diffVersions } from '../../src/domain/revision-diff.js'

describe('diffText', () => {
  it('marks removed words with <del> and added ones with <ins>', () => {
    const d = diffText('The minister said on Monday', 'The minister said on Tuesday')
    assert.equal(d.html, 'The minister said on <del>Monday</del><ins>Tuesday</ins>')
    assert.equal(d.added, 1)
    assert.equal(d.removed, 1)
  })

  it('diffs Cyrillic and Armenian by whole words', () => {
    assert.equal(diffText('Ереван город', 'Ереван столица').html, 'Ереван <del>город</del><ins>столица</ins>')
    assert.equal(diffText('Երևանը քաղաք է', 'Երևանը մայրաքաղաք է').html, 'Երևանը <del>քաղաք</del><ins>մայրաքաղաք</ins> է')
  })

  it('escapes the text, so markup in a story shows as text', () => {
    const d = diffText('<b>bold</b>', '<script>alert(1)</script>')
    const tags = d.html.match(/<[^>]*>/g) ?? []
    assert.ok(tags.every((tag) => /^<\/?(ins|del)>$/.test(tag)), tags.join(' '))
    const afterText = d.html.replace(/<del>.*?<\/del>/g, '').replace(/<\/?ins>/g, '')
    assert.equal(afterText, '&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('stays fast on a completely rewritten long text, falling back to lines', () => {
    const before = Array.from({ length: 2000 }, (_, i) => `Line ${i} of the old story.`).join('\n')
    const after = Array.from({ length: 2000 }, (_, i) => `Paragraph ${i} in the new version.`).join('\n')
    const started = performance.now()
    const d = diffText(before, after)
    assert.ok(performance.now() - started < 1000, `${performance.now() - started} ms`)
    assert.ok(d.added > 0 && d.removed > 0)
  })
})

describe('diffVersions', () => {
  it('lists only the fields that changed, in the order asked', () => {
    const diffs = diffVersions({ headline: 'A', lead: 'same', body: 'x' }, { headline: 'B', lead: 'same', body: 'y' }, ['body', 'headline', 'lead'])
    assert.deepEqual(diffs.map((d) => d.field), ['body', 'headline'])
  })
})

describe('diffText on a long story', () => {
  it('shows a one-word edit in a 3,000-word body as that word, quickly', () => {
    const paragraphs = Array.from({ length: 100 }, (_, i) => `Paragraph ${i}: ` + 'the committee met again and agreed on nothing at all '.repeat(3))
    const before = paragraphs.join('\n\n')
    const after = before.replace('Paragraph 50: the committee', 'Paragraph 50: the commission')
    const started = performance.now()
    const d = diffText(before, after)
    assert.ok(performance.now() - started < 500)
    assert.equal(d.added, 1)
    assert.equal(d.removed, 1)
    assert.match(d.html, /Paragraph 50: the <del>committee<\/del><ins>commission<\/ins> met/)
  })
})
