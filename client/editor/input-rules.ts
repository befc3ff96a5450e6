// Markdown as you type, for writers used to it: the markers turn into formatting the moment they are
// complete, and Backspace right after gives the typed characters back (undoInputRule in the keymap).
import { Fragment, type MarkType } from 'prosemirror-model'
import { InputRule, inputRules, textblockTypeInputRule, wrappingInputRule } from 'prosemirror-inputrules'
import { TextSelection, type Plugin } from 'prosemirror-state'
import { bodySchema } from '../../src/domain/body-schema.ts'

const { nodes, marks } = bodySchema

/**
 * `**text**` or `*text*` just closed: the text takes the mark and the asterisks go. The match starts at the
 * first asterisk; the last one is the key being typed, not yet in the document.
 */
function markRule(pattern: RegExp, type: MarkType, markerLength: number): InputRule {
  return new InputRule(pattern, (state, match, start, end) => {
    const inner = match[1]!
    const textStart = start + markerLength
    const textEnd = textStart + inner.length
    const tr = state.tr
    tr.delete(textEnd, end)
    tr.delete(start, textStart)
    tr.addMark(start, start + inner.length, type.create())
    tr.removeStoredMark(type)
    return tr
  })
}

// `---` alone in a paragraph: a rule across the story, and the writing goes on below it.
const horizontalRule = new InputRule(/^---$/, (state, _match, start, end) => {
  const $start = state.doc.resolve(start)
  if ($start.parent.type !== nodes.paragraph || $start.parentOffset !== 0 || end !== $start.end()) return null
  const rule = Fragment.from([nodes.horizontal_rule!.create(), nodes.paragraph!.create()])
  const index = $start.index(-1)
  if (!$start.node(-1).canReplace(index, index + 1, rule)) return null
  const tr = state.tr.replaceWith($start.before(), $start.after(), rule)
  return tr.setSelection(TextSelection.create(tr.doc, $start.before() + 2)).scrollIntoView()
})

export function markdownShortcuts(): Plugin {
  return inputRules({
    rules: [
      // `# ` too: the story's headline is its only h1, so a body heading starts at h2.
      textblockTypeInputRule(/^(#{1,3})\s$/, nodes.heading!, (match) => ({ level: match[1]!.length === 3 ? 3 : 2 })),
      wrappingInputRule(/^\s*>\s$/, nodes.blockquote!),
      wrappingInputRule(/^\s*([-*])\s$/, nodes.bullet_list!),
      wrappingInputRule(/^(\d+)\.\s$/, nodes.ordered_list!, (match) => ({ order: Number(match[1]) }),
        (match, node) => node.childCount + (node.attrs.order as number) === Number(match[1])),
      horizontalRule,
      markRule(/(?<![*\w])\*\*([^*\s](?:[^*]*[^*\s])?)\*\*$/, marks.strong!, 2),
      markRule(/(?<![*\w])\*([^*\s](?:[^*]*[^*\s])?)\*$/, marks.em!, 1)
    ]
  })
}
