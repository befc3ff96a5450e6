// The stored article body (docs/decisions/016-body-document.md) in tests: body_source is the body
// document's JSON, so tests compare it as the document it is, not as a string of Markdown.
import assert from 'node:assert/strict'
import type { BodyDoc, BodyJsonNode } from '../src/domain/body-document.js'

/** A text node, with marks given by name ('strong', 'em' …). */
export const text = (value: string, ...marks: string[]): BodyJsonNode =>
  marks.length ? { type: 'text', text: value, marks: marks.map((type) => ({ type })) } : { type: 'text', text: value }

/** A paragraph of plain text, or of the nodes given. */
export const p = (...content: (string | BodyJsonNode)[]): BodyJsonNode =>
  ({ type: 'paragraph', content: content.map((c) => (typeof c === 'string' ? text(c) : c)) })

export const doc = (...content: BodyJsonNode[]): BodyDoc => ({ type: 'doc', content })

/** The document of plain paragraphs, one per text: what a plain-text body is stored as. */
export const paragraphs = (...texts: string[]): BodyDoc => doc(...texts.map((t) => p(t)))

/** Asserts that a stored body_source is exactly this document. */
export function assertBodyDocument(source: string, expected: BodyDoc, message?: string): void {
  assert.deepEqual(JSON.parse(source), expected, message)
}
