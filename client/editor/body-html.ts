// The body field's HTML and the editor's document, both ways. HTML is read and written in an inert
// document (DOMParser's, or one made with createHTMLDocument): there an <img> fetches nothing and an
// onerror attribute never runs, whatever the text holds.
import { DOMParser as DocumentParser, DOMSerializer, type Node, type Schema, type Slice } from 'prosemirror-model'
import { plainTextParagraphs } from './plain-text.js'

function inertBody(html: string): HTMLElement {
  return new window.DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html').body
}

/** The field's value as a document. A value without any tag (text typed with JavaScript off) reads as plain text. */
export function htmlToDoc(html: string, schema: Schema): Node {
  if (!/<[a-z!/]/i.test(html)) {
    const paragraphs = plainTextParagraphs(html, schema)
    if (paragraphs.length) return schema.topNodeType.create(null, paragraphs)
  }
  return DocumentParser.fromSchema(schema).parse(inertBody(html))
}

/** HTML (from the paste cleaner) as a slice to insert at the selection. */
export function htmlToSlice(html: string, schema: Schema): Slice {
  return DocumentParser.fromSchema(schema).parseSlice(inertBody(html))
}

const inert = (): Document => document.implementation.createHTMLDocument('')

/** The document as the field holds it: the schema's own markup, and nothing at all for an empty body. */
export function docToHtml(doc: Node, schema: Schema): string {
  if (doc.childCount === 1 && doc.firstChild!.type === schema.nodes.paragraph && doc.firstChild!.content.size === 0) return ''
  const target = inert()
  const container = target.createElement('div')
  container.appendChild(DOMSerializer.fromSchema(schema).serializeFragment(doc.content, { document: target }))
  return container.innerHTML
}
