// Pasting and dropping. Clipboard HTML from outside the editor (Word, Google Docs, LibreOffice, web
// pages) goes through the server's paste cleaner first, which knows those programs' markup far better
// than a schema's parse rules; the cleaned HTML goes in where the selection is when the answer comes. If
// the cleaner cannot be reached, ProseMirror's own parse of the clipboard is used instead. Either way the
// text loses the control characters the article form would refuse. A lone address
// an embed provider is recognised for becomes an embed, another lone address a link; a picture file is
// uploaded through the picture dialog.
import type { Slice } from 'prosemirror-model'
import type { EditorView } from 'prosemirror-view'
import { bodySchema } from '../../src/domain/body-schema.ts'
import { htmlToSlice } from './body-html.js'
import { applyLink, canLink, insertBlock } from './commands.js'
import type { EditorContext } from './context.js'
import { embedNodeFor } from './embed-dialog.js'
import { checkLinkUrl } from './link-url.js'
import { isPictureFile, openPictureDialog } from './picture-dialog.js'
import { cleanPastedHtml } from './server.js'
import { dropUnsavableCharacters } from './unsavable-characters.js'

const LONE_WEB_ADDRESS = /^https?:\/\/\S+$/i

function pictureFiles(transfer: DataTransfer | null): File[] {
  return transfer ? Array.from(transfer.files).filter(isPictureFile) : []
}

function canTakePictures(context: EditorContext): boolean {
  return Boolean(context.endpoints.mediaUpload)
}

/** A lone address on its own: an embed when a provider is recognised for it, a link otherwise. */
function pasteAddress(context: EditorContext, text: string): boolean {
  const address = text.trim()
  if (!LONE_WEB_ADDRESS.test(address)) return false
  const { view } = context
  const embed = embedNodeFor(address)
  if (embed) {
    const tr = insertBlock(view.state, embed)
    if (!tr) return false
    view.dispatch(tr.setMeta('uiEvent', 'paste'))
    return true
  }
  const check = checkLinkUrl(address)
  if (!check.ok || !canLink(view.state)) return false
  return applyLink(check.href)(view.state, (tr) => view.dispatch(tr.setMeta('uiEvent', 'paste')))
}

function insertSlice(view: EditorView, slice: Slice): void {
  view.dispatch(view.state.tr.replaceSelection(slice).scrollIntoView().setMeta('paste', true).setMeta('uiEvent', 'paste'))
}

export function handlePaste(context: EditorContext, event: ClipboardEvent, parsed: Slice): boolean {
  const data = event.clipboardData
  if (!data) return false
  const files = pictureFiles(data)
  if (files.length && canTakePictures(context)) {
    event.preventDefault()
    void openPictureDialog(context, { file: files[0]! })
    return true
  }
  const text = data.getData('text/plain')
  if (text && pasteAddress(context, text)) {
    event.preventDefault()
    return true
  }
  const html = data.getData('text/html')
  // A copy from this editor (ProseMirror marks it) is already made of the schema's own nodes.
  if (!html || /data-pm-slice/.test(html) || !context.endpoints.pasteClean) return false
  event.preventDefault()
  const { view } = context
  view.dom.setAttribute('aria-busy', 'true')
  void cleanPastedHtml(context.endpoints, html)
    .then((cleaned) => dropUnsavableCharacters(htmlToSlice(cleaned, bodySchema)), () => parsed)
    .then((slice) => {
      view.dom.removeAttribute('aria-busy')
      if (!view.isDestroyed) insertSlice(view, slice)
    })
  return true
}

export function handleDrop(context: EditorContext, event: DragEvent): boolean {
  const files = pictureFiles(event.dataTransfer)
  if (!files.length || !canTakePictures(context)) return false
  event.preventDefault()
  const at = context.view.posAtCoords({ left: event.clientX, top: event.clientY })
  void openPictureDialog(context, { file: files[0]!, ...(at && { at: at.pos }) })
  return true
}
