// storedArticleBody reads a body once for both columns; it must store exactly what the two separate steps
// (toBodyDocumentSource, then renderArticleBody of the result) store, for Markdown, HTML and documents.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { renderArticleBody, storedArticleBody } from '../../src/domain/article-body.js'
import { BodyDocumentError, toBodyDocumentSource } from '../../src/domain/body-document.js'
import { DEMO_DAYS } from '../../src/demo/stories.js'
import { MODEL_ARTICLE } from '../../src/demo/model-article.js'

const SAMPLES = [
  MODEL_ARTICLE.body,
  ...DEMO_DAYS.flat().map((d) => d.story.body),
  '<p>Wire <span class="x">copy</span> with <b>bold</b> and <a href="javascript:alert(1)">a bad link</a>.</p>',
  '<figure class="embed" data-embed-provider="youtube" data-embed-url="https://youtu.be/dQw4w9WgXcQ"><p><a class="embed-title" href="https://youtu.be/dQw4w9WgXcQ">Clip</a></p></figure>',
  '',
  'Plain text\n\nin two paragraphs'
]

describe('storedArticleBody', () => {
  it('stores what converting and then rendering store, for every demo body and hostile HTML', () => {
    for (const sample of SAMPLES) {
      const document = toBodyDocumentSource(sample)
      assert.deepEqual(storedArticleBody(sample), { source: document, html: renderArticleBody(document) })
      assert.deepEqual(storedArticleBody(document), { source: document, html: renderArticleBody(document) }, 'a stored document again')
    }
  })

  it('refuses document JSON that does not fit the schema, as toBodyDocumentSource does', () => {
    assert.throws(() => storedArticleBody('{"type":"doc","content":[{"type":"script"}]}'), BodyDocumentError)
  })
})
