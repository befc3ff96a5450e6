// The editor's keys. Order matters: the first binding of a key that applies wins, so the specific ones
// (a list's Enter, a table's Tab) come before ProseMirror's base keymap.
import { baseKeymap, chainCommands, exitCode } from 'prosemirror-commands'
import { redo, undo } from 'prosemirror-history'
import { undoInputRule } from 'prosemirror-inputrules'
import { keymap } from 'prosemirror-keymap'
import { liftListItem, sinkListItem, splitListItem } from 'prosemirror-schema-list'
import type { Command, Plugin } from 'prosemirror-state'
import { goToNextCell } from 'prosemirror-tables'
import { bodySchema } from '../../src/domain/body-schema.ts'
import { setParagraph, toggleEm, toggleHeading, toggleStrong } from './commands.js'

const { nodes } = bodySchema

export interface KeyActions {
  /** Mod-k: the link dialog. */
  openLink: Command
  /** Alt-F10: focus to the toolbar. */
  focusToolbar: Command
  /** Enter on a selected picture, embed or related story: its dialog. */
  editSelectedAtom: Command
}

const hardBreak: Command = chainCommands(exitCode, (state, dispatch) => {
  if (dispatch) dispatch(state.tr.replaceSelectionWith(nodes.hard_break!.create()).scrollIntoView())
  return true
})

export function editorKeymaps(actions: KeyActions): Plugin[] {
  const listItem = nodes.list_item!
  return [
    keymap({
      'Mod-z': undo,
      'Mod-Shift-z': redo,
      'Mod-y': redo,
      Backspace: undoInputRule,
      'Mod-b': toggleStrong,
      'Mod-B': toggleStrong,
      'Mod-i': toggleEm,
      'Mod-I': toggleEm,
      'Mod-k': actions.openLink,
      'Alt-F10': actions.focusToolbar,
      'Mod-Alt-0': setParagraph,
      'Mod-Alt-2': toggleHeading(2),
      'Mod-Alt-3': toggleHeading(3),
      'Shift-Enter': hardBreak,
      'Mod-Enter': hardBreak,
      Enter: chainCommands(actions.editSelectedAtom, splitListItem(listItem)),
      // In a table Tab moves between cells; in a list it nests the item. Elsewhere it leaves the editor,
      // as it should for anyone moving around the page with the keyboard.
      Tab: chainCommands(goToNextCell(1), sinkListItem(listItem)),
      'Shift-Tab': chainCommands(goToNextCell(-1), liftListItem(listItem))
    }),
    keymap(baseKeymap)
  ]
}
