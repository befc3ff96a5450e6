// The editing commands behind the toolbar and the keyboard, with the questions the toolbar asks of each:
// may it apply here, and is it already in force at the selection.
import { lift, setBlockType, toggleMark, wrapIn } from 'prosemirror-commands'
import type { Mark, MarkType, Node, NodeType, ResolvedPos } from 'prosemirror-model'
import { liftListItem, wrapInList } from 'prosemirror-schema-list'
import { NodeSelection, TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state'
import { insertPoint, liftTarget } from 'prosemirror-transform'
import { bodySchema } from '../../src/domain/body-schema.ts'

const { nodes, marks } = bodySchema

export function markActive(state: EditorState, type: MarkType): boolean {
  const { from, $from, to, empty } = state.selection
  if (empty) return Boolean(type.isInSet(state.storedMarks ?? $from.marks()))
  return state.doc.rangeHasMark(from, to, type)
}

/** The innermost ancestor of the selection's start of this type, with its depth. */
export function ancestorOf($pos: ResolvedPos, type: NodeType): { node: Node, depth: number } | null {
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth)
    if (node.type === type) return { node, depth }
  }
  return null
}

export function textblockActive(state: EditorState, type: NodeType, attrs: Record<string, unknown> = {}): boolean {
  const { $from, to } = state.selection
  if (state.selection instanceof NodeSelection) return false
  if (to > $from.end()) return false
  return $from.parent.hasMarkup(type, attrs)
}

/** Heading and paragraph buttons toggle: a heading of that level turns back into a paragraph. */
export function toggleHeading(level: 2 | 3): Command {
  return (state, dispatch) => {
    if (textblockActive(state, nodes.heading!, { level })) return setBlockType(nodes.paragraph!)(state, dispatch)
    return setBlockType(nodes.heading!, { level })(state, dispatch)
  }
}

export const setParagraph: Command = setBlockType(nodes.paragraph!)

/** Lifts the selected blocks out of the nearest wrapper of this type. */
function liftOutOf(type: NodeType): Command {
  return (state, dispatch) => {
    const { $from, $to } = state.selection
    const range = $from.blockRange($to, (node) => node.type === type)
    const target = range && liftTarget(range)
    if (!range || target === null || target === undefined) return false
    if (dispatch) dispatch(state.tr.lift(range, target).scrollIntoView())
    return true
  }
}

/** Quote and pull quote toggle: inside one, the button takes the text out again. */
export function toggleWrapper(type: NodeType): Command {
  return (state, dispatch) => {
    if (ancestorOf(state.selection.$from, type)) return liftOutOf(type)(state, dispatch) || lift(state, dispatch)
    return wrapIn(type)(state, dispatch)
  }
}

export function wrapperActive(state: EditorState, type: NodeType): boolean {
  return ancestorOf(state.selection.$from, type) !== null
}

/** The innermost list around the selection. */
function listAround(state: EditorState): { node: Node, depth: number } | null {
  const { $from } = state.selection
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth)
    if (node.type === nodes.bullet_list || node.type === nodes.ordered_list) return { node, depth }
  }
  return null
}

export function listActive(state: EditorState, type: NodeType): boolean {
  return listAround(state)?.node.type === type
}

/** A list button: in that kind of list it lifts the item out; in the other kind it changes the list's kind. */
export function toggleList(type: NodeType): Command {
  return (state, dispatch) => {
    const around = listAround(state)
    if (around?.node.type === type) return liftListItem(nodes.list_item!)(state, dispatch)
    if (around) {
      if (dispatch) dispatch(state.tr.setNodeMarkup(state.selection.$from.before(around.depth), type).scrollIntoView())
      return true
    }
    return wrapInList(type)(state, dispatch)
  }
}

/** Whether a node of this type may go at the selection (or just after the block it is in). */
export function canInsert(state: EditorState, type: NodeType): boolean {
  const { $from } = state.selection
  for (let depth = $from.depth; depth >= 0; depth--) {
    const index = $from.index(depth)
    if ($from.node(depth).canReplaceWith(index, index, type)) return true
  }
  return false
}

/**
 * A transaction putting a block (a picture, a table…) at the selection, or at `at` (a drop), splitting the
 * paragraph it falls in. The cursor goes to the text after it, made when there is none: left on the new
 * block itself, the next key press would replace it.
 */
export function insertBlock(state: EditorState, node: Node, at?: number): Transaction | null {
  const tr = state.tr
  let end: number
  if (at === undefined) {
    if (!canInsert(state, node.type)) return null
    tr.replaceSelectionWith(node)
    end = -1
    tr.mapping.maps[tr.mapping.maps.length - 1]?.forEach((_from, _to, _newFrom, newTo) => { end = newTo })
    if (end < 0) return null
  } else {
    const point = insertPoint(state.doc, at, node.type)
    if (point === null) return null
    tr.insert(point, node)
    end = point + node.nodeSize
  }
  const $end = tr.doc.resolve(end)
  if ($end.parent.inlineContent) {
    tr.setSelection(TextSelection.create(tr.doc, end))
  } else if ($end.nodeAfter?.isTextblock) {
    tr.setSelection(TextSelection.create(tr.doc, end + 1))
  } else {
    tr.insert(end, nodes.paragraph!.create())
    tr.setSelection(TextSelection.create(tr.doc, end + 1))
  }
  return tr.scrollIntoView()
}

export function insertNode(node: Node): Command {
  return (state, dispatch) => {
    if (!canInsert(state, node.type)) return false
    if (dispatch) {
      const tr = insertBlock(state, node)
      if (!tr) return false
      dispatch(tr)
    }
    return true
  }
}

export const insertHorizontalRule: Command = (state, dispatch) => insertNode(nodes.horizontal_rule!.create())(state, dispatch)

/** A 2×2 table whose first row is the header, with the cursor in its first cell. */
export const insertTable: Command = (state, dispatch) => {
  if (ancestorOf(state.selection.$from, nodes.table!) || !canInsert(state, nodes.table!)) return false
  if (dispatch) {
    const header = (): Node => nodes.table_header!.createAndFill()!
    const cell = (): Node => nodes.table_cell!.createAndFill()!
    const table = nodes.table!.create(null, [
      nodes.table_row!.create(null, [header(), header()]),
      nodes.table_row!.create(null, [cell(), cell()])
    ])
    const tr = insertBlock(state, table)
    if (!tr) return false
    // The cursor sits just after the table (in the text that follows it): its first cell is 3 steps into it.
    const tableStart = tr.selection.$from.before(tr.selection.$from.depth) - table.nodeSize
    if (tr.doc.nodeAt(tableStart)?.type === nodes.table) tr.setSelection(TextSelection.create(tr.doc, tableStart + 3))
    dispatch(tr)
  }
  return true
}

export const toggleStrong: Command = toggleMark(marks.strong!)
export const toggleEm: Command = toggleMark(marks.em!)

/** The extent of the link mark around a position in a textblock, or null when there is none. */
export function linkAround(state: EditorState): { from: number, to: number, mark: Mark } | null {
  const { $from, $to } = state.selection
  const type = marks.link!
  const mark = type.isInSet($from.marks()) ?? type.isInSet($from.nodeAfter?.marks ?? [])
  if (!mark || !$from.sameParent($to)) return null
  const parent = $from.parent
  const parentStart = $from.start()
  // Children of the textblock carrying this very mark, grown out from the one at the selection.
  let index = $from.index()
  if (index >= parent.childCount || !mark.isInSet(parent.child(index).marks)) index = Math.max(0, index - 1)
  if (!mark.isInSet(parent.child(index).marks)) return null
  let start = index
  let end = index + 1
  while (start > 0 && mark.isInSet(parent.child(start - 1).marks)) start--
  while (end < parent.childCount && mark.isInSet(parent.child(end).marks)) end++
  let from = parentStart
  for (let i = 0; i < start; i++) from += parent.child(i).nodeSize
  let to = from
  for (let i = start; i < end; i++) to += parent.child(i).nodeSize
  if ($to.pos > to) return null
  return { from, to, mark }
}

/** Whether a link may be set at the selection (text that can take marks). */
export function canLink(state: EditorState): boolean {
  return toggleMark(marks.link!, { href: '' })(state)
}

/** Sets the link on the selection, or on the whole link the cursor is in, or inserts the address as its text. */
export function applyLink(href: string): Command {
  return (state, dispatch) => {
    const type = marks.link!
    const around = linkAround(state)
    const { from, to, empty } = state.selection
    if (dispatch) {
      const tr = state.tr
      const mark = type.create({ href })
      if (around && (empty || (from >= around.from && to <= around.to))) {
        tr.removeMark(around.from, around.to, type).addMark(around.from, around.to, mark)
      } else if (empty) {
        tr.insert(from, bodySchema.text(href, [...state.storedMarks ?? state.selection.$from.marks(), mark]))
        tr.setSelection(TextSelection.create(tr.doc, from + href.length))
        tr.removeStoredMark(type)
      } else {
        tr.removeMark(from, to, type).addMark(from, to, mark)
      }
      dispatch(tr.scrollIntoView())
    }
    return true
  }
}

export const removeLink: Command = (state, dispatch) => {
  const around = linkAround(state)
  const { from, to } = around ?? state.selection
  if (!state.doc.rangeHasMark(from, to, marks.link!)) return false
  if (dispatch) dispatch(state.tr.removeMark(from, to, marks.link!).scrollIntoView())
  return true
}

/** The atom node (picture, embed, related story) selected as a whole, with its position. */
export function selectedAtom(state: EditorState): { node: Node, pos: number } | null {
  const selection = state.selection
  if (!(selection instanceof NodeSelection) || !selection.node.isAtom || !selection.node.isBlock) return null
  return { node: selection.node, pos: selection.from }
}
