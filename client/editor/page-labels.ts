// The editor's words in the page's language: the JSON the view puts in #rich-editor-labels, over the
// English defaults for any key it leaves out (or when it is missing or unreadable).
import { EDITOR_LABELS, type EditorLabelKey, type EditorLabels } from './labels.js'

export function pageLabels(page: Document): EditorLabels {
  const labels: EditorLabels = { ...EDITOR_LABELS }
  const source = page.getElementById('rich-editor-labels')?.textContent
  if (!source) return labels
  let given: unknown
  try {
    given = JSON.parse(source)
  } catch {
    return labels
  }
  if (!given || typeof given !== 'object') return labels
  for (const key of Object.keys(EDITOR_LABELS) as EditorLabelKey[]) {
    const value = (given as Record<string, unknown>)[key]
    if (typeof value === 'string' && value !== '') labels[key] = value
  }
  return labels
}
