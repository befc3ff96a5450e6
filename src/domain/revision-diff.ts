// A readable diff between two versions of an article, field by field, as HTML with <ins> and <del>.
// Every piece of text is escaped before it is wrapped, so the result is safe to print as it is.
import { diffArrays, diffLines } from 'diff'
import { escapeHtml } from './html-escape.js'

/**
 * Diffs cost time proportional to length × edits. A text is compared line by line first (a Markdown
 * paragraph is a line), and a changed run of lines word by word; past these limits a run is shown as
 * whole removed and added text, which is also what reads best for a rewrite. Keeps any diff well
 * under a second for a long story.
 */
const MAX_LINE_EDITS = 300
const MAX_WORD_EDITS = 200
const MAX_WORD_TOKENS = 4_000

export interface FieldDiff<F extends string = string> {
  field: F
  /** Escaped HTML: unchanged text as is, removed text in <del>, added text in <ins>. */
  html: string
  added: number
  removed: number
}

interface Change { value: string, added: boolean, removed: boolean, count: number }

function changesToHtml(changes: Change[]): { html: string, added: number, removed: number } {
  let html = ''
  let added = 0
  let removed = 0
  for (const change of changes) {
    const text = escapeHtml(change.value)
    if (change.added) {
      html += `<ins>${text}</ins>`
      added += change.count
    } else if (change.removed) {
      html += `<del>${text}</del>`
      removed += change.count
    } else {
      html += text
    }
  }
  return { html, added, removed }
}

// The diff package's own word splitter cuts Cyrillic and Armenian into single letters; this one keeps
// runs of letters, marks and digits of any script together. (Intl.Segmenter would too, but V8's is
// slow on long texts: seconds for a long story.)
const TOKEN = /[\p{L}\p{M}\p{N}]+|\s+|[^\p{L}\p{M}\p{N}\s]/gu
function words(text: string): string[] {
  return text.match(TOKEN) ?? []
}

const wordCount = (text: string) => words(text).filter((w) => w.trim() !== '').length

function replaced(before: string, after: string): Change[] {
  const out: Change[] = []
  if (before !== '') out.push({ value: before, added: false, removed: true, count: wordCount(before) })
  if (after !== '') out.push({ value: after, added: true, removed: false, count: wordCount(after) })
  return out
}

function wordChanges(before: string, after: string): Change[] {
  const a = words(before)
  const b = words(after)
  if (a.length + b.length > MAX_WORD_TOKENS) return replaced(before, after)
  const byWord = diffArrays(a, b, { maxEditLength: MAX_WORD_EDITS })
  if (!byWord) return replaced(before, after)
  return byWord.map((c) => ({ value: c.value.join(''), added: c.added, removed: c.removed, count: c.value.filter((w) => w.trim() !== '').length }))
}

/** Diffs one text: line by line, then word by word inside each changed run of lines. */
export function diffText(before: string, after: string): { html: string, added: number, removed: number } {
  if (before === after) return changesToHtml([{ value: before, added: false, removed: false, count: 0 }])
  const lines = diffLines(before, after, { maxEditLength: MAX_LINE_EDITS })
  if (!lines) return changesToHtml(replaced(before, after))
  const changes: Change[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const next = lines[i + 1]
    if (line.removed && next?.added) {
      // A replaced run: show which words changed within it.
      changes.push(...wordChanges(line.value, next.value))
      i++
    } else {
      changes.push({ value: line.value, added: line.added, removed: line.removed, count: line.added || line.removed ? wordCount(line.value) : 0 })
    }
  }
  return changesToHtml(changes)
}

/**
 * The fields that differ between two versions, in the order given. Values are display strings (the
 * caller formats dates, names sections), so the diff shows what an editor would recognise.
 */
export function diffVersions<F extends string>(before: Record<F, string>, after: Record<F, string>, fields: readonly F[]): FieldDiff<F>[] {
  const out: FieldDiff<F>[] = []
  for (const field of fields) {
    if (before[field] === after[field]) continue
    out.push({ field, ...diffText(before[field], after[field]) })
  }
  return out
}
