// A stored body_source is the body document (JSON). Revisions and autosaves from before the rich editor
// hold Markdown; both are read through here, so screens that show a body never ask which it is.
import { bodyText, documentToHtml, htmlToDocument, toBodyDocumentSource, type BodyDoc } from './body-document.js'

export function bodyDocumentOf(source: string): BodyDoc {
  return JSON.parse(toBodyDocumentSource(source)) as BodyDoc
}

/** The body as the editor's field holds it: simple HTML, the schema's own markup (also the no-JavaScript textarea). */
export function bodyEditorHtml(source: string): string {
  return documentToHtml(bodyDocumentOf(source))
}

/** The body's words as a reader reads them, blocks apart: what revision and conflict diffs compare. */
export function bodySourceText(source: string): string {
  return bodyText(bodyDocumentOf(source))
}

/** The editor form's HTML as the stored document. */
export function bodySourceFromEditorHtml(html: string): string {
  return JSON.stringify(htmlToDocument(html))
}
