// Puts the rich editor in place of a body textarea. The textarea stays in the form, hidden, and keeps
// the body as the schema's HTML: it is what the form sends (as it does with JavaScript off), and after
// every change the editor writes it there and fires `input` on it for the page's other scripts (preview,
// desk checks, autosave; assets/article-editor.js). Until the first change the textarea keeps exactly what
// the server sent, so opening a story never counts as changing it.
import { dropCursor } from 'prosemirror-dropcursor'
import { gapCursor } from 'prosemirror-gapcursor'
import { history } from 'prosemirror-history'
import { EditorState, NodeSelection, Plugin, type Command } from 'prosemirror-state'
import { tableEditing } from 'prosemirror-tables'
import { EditorView } from 'prosemirror-view'
import { bodySchema } from '../../src/domain/body-schema.ts'
import { docToHtml, htmlToDoc } from './body-html.js'
import { canLink, selectedAtom } from './commands.js'
import type { EditorContext } from './context.js'
import { uniqueId } from './dialog.js'
import { openEmbedDialog } from './embed-dialog.js'
import { markdownShortcuts } from './input-rules.js'
import { editorKeymaps } from './keymap.js'
import type { EditorLabels } from './labels.js'
import { openLinkDialog } from './link-dialog.js'
import { handleDrop, handlePaste } from './paste.js'
import { openPictureDialog } from './picture-dialog.js'
import { plainTextSlice } from './plain-text.js'
import { openRelatedDialog } from './related-dialog.js'
import type { EditorEndpoints } from './server.js'
import { Toolbar } from './toolbar.js'
import { toolbarItems } from './toolbar-items.js'
import { dropUnsavableCharacters } from './unsavable-characters.js'

const { nodes } = bodySchema

/** The id of the textarea's label, given one if it has none, so the editor can be labelled by it. */
function labelIdOf(textarea: HTMLTextAreaElement): string | null {
  const label = textarea.labels?.[0] ?? (textarea.id ? document.querySelector<HTMLLabelElement>(`label[for="${CSS.escape(textarea.id)}"]`) : null)
  if (!label) return null
  if (!label.id) label.id = uniqueId('label')
  return label.id
}

/** Opens the dialog of the selected picture, embed or related story. */
function editAtom(context: EditorContext): boolean {
  const atom = selectedAtom(context.view.state)
  if (!atom) return false
  if (atom.node.type === nodes.picture && (context.endpoints.mediaChoices || context.endpoints.mediaUpload)) void openPictureDialog(context, { editing: atom })
  else if (atom.node.type === nodes.embed) void openEmbedDialog(context, atom)
  else if (atom.node.type === nodes.related_story && context.endpoints.articleChoices) void openRelatedDialog(context, atom)
  else return false
  return true
}

export function mountRichEditor(textarea: HTMLTextAreaElement, labels: EditorLabels, endpoints: EditorEndpoints): EditorView {
  const wrapper = document.createElement('div')
  wrapper.className = 'rich-editor'
  const hintId = uniqueId('hint')
  const hint = document.createElement('p')
  hint.className = 'field-hint rich-editor-hint'
  hint.id = hintId
  hint.textContent = labels.keyboardHint

  // The context's view is set once the view exists; the plugins only read it on events after that.
  const context = { labels, endpoints } as { view: EditorView, labels: EditorLabels, endpoints: EditorEndpoints }
  const editorId = uniqueId('editable')
  const toolbar = new Toolbar(context, toolbarItems(context), editorId)

  const openLink: Command = (state) => {
    if (!canLink(state)) return false
    void openLinkDialog(context)
    return true
  }
  const keymaps = editorKeymaps({
    openLink,
    focusToolbar: () => { toolbar.focus(); return true },
    editSelectedAtom: (state) => Boolean(selectedAtom(state)) && editAtom(context)
  })
  const followSelection = new Plugin({
    view: () => ({ update: (view) => toolbar.update(view.state) })
  })

  const labelId = labelIdOf(textarea)
  const describedBy = [textarea.getAttribute('aria-describedby'), hintId].filter(Boolean).join(' ')
  const attributes: Record<string, string> = {
    id: editorId,
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-describedby': describedBy,
    class: 'rich-editable',
    spellcheck: 'true'
  }
  if (labelId) attributes['aria-labelledby'] = labelId
  if (textarea.getAttribute('aria-invalid') === 'true') attributes['aria-invalid'] = 'true'
  if (textarea.lang) attributes.lang = textarea.lang

  const original = textarea.value
  const loaded = htmlToDoc(original, bodySchema)
  const view = new EditorView(wrapper, {
    state: EditorState.create({
      doc: loaded,
      plugins: [
        markdownShortcuts(),
        ...keymaps,
        history(),
        dropCursor(),
        gapCursor(),
        tableEditing(),
        followSelection
      ]
    }),
    attributes,
    clipboardTextParser: (text) => plainTextSlice(text, bodySchema),
    transformPasted: (slice) => dropUnsavableCharacters(slice),
    handlePaste: (_view, event, slice) => handlePaste(context, event, slice),
    handleDrop: (_view, event) => handleDrop(context, event),
    handleDoubleClickOn: (view, _pos, node, nodePos, _event, direct) => {
      if (!direct || !node.isAtom || !node.isBlock) return false
      view.dispatch(view.state.tr.setSelection(NodeSelection.create(view.state.doc, nodePos)))
      return editAtom(context)
    },
    handleDOMEvents: {
      // Links inside pictures, embeds and related stories would take the writer away from the story.
      click: (_view, event) => {
        if ((event.target as Element | null)?.closest?.('a')) event.preventDefault()
        return false
      }
    },
    dispatchTransaction(tr) {
      const before = view.state.doc
      view.updateState(view.state.apply(tr))
      if (view.state.doc.eq(before)) return
      // Undone back to the story as it was loaded: the very text the server sent, so the page's scripts
      // see no change (the server's markup may differ from the editor's in ways that do not matter).
      textarea.value = view.state.doc.eq(loaded) ? original : docToHtml(view.state.doc, bodySchema)
      textarea.dispatchEvent(new Event('input', { bubbles: true }))
    }
  })
  context.view = view
  toolbar.update(view.state)

  wrapper.prepend(toolbar.element, hint)
  textarea.hidden = true
  textarea.after(wrapper)
  // The label pointed at the textarea; clicking it now brings the writer to the editor.
  if (labelId) document.getElementById(labelId)?.addEventListener('click', (event) => { event.preventDefault(); view.focus() })
  return view
}
