// Every word the rich body editor shows, with its English default. The words live in the i18n catalogs
// (src/i18n/admin/rich-editor.*.ts, keys "admin.richEditor.<name>"); the editor page fills
// <script type="application/json" id="rich-editor-labels"> with them in the page's language, without the
// prefix, and a key the page leaves out keeps its English text from here. `{name}` marks a value put in at
// run time.
import { richEditorEn } from '../../src/i18n/admin/rich-editor.en.js'

const PREFIX = 'admin.richEditor.'
type ShortKey<K> = K extends `admin.richEditor.${infer Name}` ? Name : never

export const EDITOR_LABELS = Object.fromEntries(
  Object.entries(richEditorEn).map(([key, text]) => [key.slice(PREFIX.length), text])
) as { readonly [K in ShortKey<keyof typeof richEditorEn>]: string }

export type EditorLabelKey = keyof typeof EDITOR_LABELS
export type EditorLabels = Record<EditorLabelKey, string>

/** A label with its `{name}` placeholders filled in. */
export function fillLabel(label: string, values: Record<string, string>): string {
  return label.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(values, name) ? values[name]! : whole))
}
