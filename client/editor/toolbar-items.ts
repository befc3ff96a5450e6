// What the toolbar offers, in order, and how each button asks whether it applies and whether it is on.
import type { Command } from 'prosemirror-state'
import { redo, undo } from 'prosemirror-history'
import { addColumnAfter, addRowAfter, deleteColumn, deleteRow, deleteTable } from 'prosemirror-tables'
import { bodySchema } from '../../src/domain/body-schema.ts'
import {
  canInsert, canLink, insertHorizontalRule, insertTable, linkAround, listActive, markActive, setParagraph,
  textblockActive, toggleEm, toggleHeading, toggleList, toggleStrong, toggleWrapper, wrapperActive
} from './commands.js'
import { returnToText, type EditorContext } from './context.js'
import { openEmbedDialog } from './embed-dialog.js'
import { openLinkDialog } from './link-dialog.js'
import { openPictureDialog } from './picture-dialog.js'
import { openRelatedDialog } from './related-dialog.js'
import type { ToolbarItem } from './toolbar.js'

const { nodes, marks } = bodySchema

/** A button running a command; the writer is back in the text afterwards. */
const command = (cmd: Command): Pick<ToolbarItem, 'run' | 'enabled'> => ({
  run: (context: EditorContext) => {
    cmd(context.view.state, context.view.dispatch, context.view)
    returnToText(context)
  },
  enabled: (state) => cmd(state)
})

export function toolbarItems(context: Pick<EditorContext, 'endpoints'>): ToolbarItem[] {
  const { endpoints } = context
  const items: ToolbarItem[] = [
    // Pressed in a paragraph, where it has nothing to do; still a button to find, not a greyed-out one.
    { label: 'paragraph', ...command(setParagraph), enabled: (s) => setParagraph(s) || textblockActive(s, nodes.paragraph!), active: (s) => textblockActive(s, nodes.paragraph!) },
    { label: 'heading', ...command(toggleHeading(2)), active: (s) => textblockActive(s, nodes.heading!, { level: 2 }) },
    { label: 'subheading', ...command(toggleHeading(3)), active: (s) => textblockActive(s, nodes.heading!, { level: 3 }) },
    { label: 'bold', ...command(toggleStrong), active: (s) => markActive(s, marks.strong!), groupStart: true },
    { label: 'italic', ...command(toggleEm), active: (s) => markActive(s, marks.em!) },
    { label: 'link', run: (c) => void openLinkDialog(c), enabled: canLink, active: (s) => linkAround(s) !== null },
    { label: 'quote', ...command(toggleWrapper(nodes.blockquote!)), active: (s) => wrapperActive(s, nodes.blockquote!), groupStart: true },
    { label: 'pullQuote', ...command(toggleWrapper(nodes.pull_quote!)), active: (s) => wrapperActive(s, nodes.pull_quote!) },
    { label: 'bulletList', ...command(toggleList(nodes.bullet_list!)), active: (s) => listActive(s, nodes.bullet_list!) },
    { label: 'orderedList', ...command(toggleList(nodes.ordered_list!)), active: (s) => listActive(s, nodes.ordered_list!) },
    { label: 'horizontalRule', ...command(insertHorizontalRule), groupStart: true },
    { label: 'table', ...command(insertTable) },
    { label: 'addRow', ...command(addRowAfter), onlyWhenEnabled: true },
    { label: 'deleteRow', ...command(deleteRow), onlyWhenEnabled: true },
    { label: 'addColumn', ...command(addColumnAfter), onlyWhenEnabled: true },
    { label: 'deleteColumn', ...command(deleteColumn), onlyWhenEnabled: true },
    { label: 'deleteTable', ...command(deleteTable), onlyWhenEnabled: true }
  ]
  if (endpoints.mediaChoices || endpoints.mediaUpload) {
    items.push({ label: 'picture', run: (c) => void openPictureDialog(c), enabled: (s) => canInsert(s, nodes.picture!), groupStart: true })
  }
  items.push({ label: 'embed', run: (c) => void openEmbedDialog(c), enabled: (s) => canInsert(s, nodes.embed!), groupStart: !(endpoints.mediaChoices || endpoints.mediaUpload) })
  if (endpoints.articleChoices) {
    items.push({ label: 'relatedStory', run: (c) => void openRelatedDialog(c), enabled: (s) => canInsert(s, nodes.related_story!) })
  }
  items.push(
    { label: 'undo', ...command(undo), groupStart: true },
    { label: 'redo', ...command(redo) }
  )
  return items
}
