// What the editor's parts share: the view, the page's words, and where requests go.
import type { EditorView } from 'prosemirror-view'
import type { EditorLabels } from './labels.js'
import type { EditorEndpoints } from './server.js'

export interface EditorContext {
  readonly view: EditorView
  readonly labels: EditorLabels
  readonly endpoints: EditorEndpoints
}

/** Back to the text after a dialog or a toolbar button, where the writer was. */
export function returnToText(context: EditorContext): void {
  context.view.focus()
}
