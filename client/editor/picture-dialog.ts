// The picture dialog: a picture from the media library, found by searching it, or a file uploaded into
// the library on the spot (also a file dropped or pasted into the text). Alt text is required: the dialog
// says so and inserts nothing without it. Opened on a picture already in the story, it changes its alt
// text, caption and credit (or the picture itself).
import type { Node } from 'prosemirror-model'
import { NodeSelection } from 'prosemirror-state'
import { bodySchema } from '../../src/domain/body-schema.ts'
import { choiceSearch, type ChoiceSearch } from './choice-search.js'
import { insertBlock } from './commands.js'
import { returnToText, type EditorContext } from './context.js'
import { EditorDialog, type DialogField } from './dialog.js'
import { RequestFailed, searchMedia, uploadPicture, type MediaItem } from './server.js'

export interface PictureDialogOptions {
  /** The picture in the story being changed. */
  editing?: { node: Node, pos: number }
  /** A file dropped or pasted into the text, to upload. */
  file?: File
  /** Where a dropped file goes, instead of the selection. */
  at?: number
}

export const isPictureFile = (file: File): boolean => /^image\//.test(file.type)

function itemOf(node: Node): MediaItem {
  const a = node.attrs as Record<string, unknown>
  const src = typeof a.src === 'string' ? a.src : ''
  return {
    id: typeof a.mediaId === 'number' ? a.mediaId : 0,
    name: typeof a.alt === 'string' && a.alt ? a.alt : src.split('/').pop() ?? src,
    thumbUrl: src, src, srcset: typeof a.srcset === 'string' ? a.srcset : '',
    width: typeof a.width === 'number' ? a.width : null, height: typeof a.height === 'number' ? a.height : null,
    alt: typeof a.alt === 'string' ? a.alt : '', caption: typeof a.caption === 'string' ? a.caption : '', credit: typeof a.credit === 'string' ? a.credit : ''
  }
}

export async function openPictureDialog(context: EditorContext, options: PictureDialogOptions = {}): Promise<void> {
  const { view, labels, endpoints } = context
  const { editing } = options
  const dialog = new EditorDialog({
    title: labels.pictureTitle, submitLabel: editing ? labels.pictureUpdate : labels.pictureInsert, cancelLabel: labels.cancel, className: 'rich-picture-dialog'
  })
  const current = editing ? itemOf(editing.node) : null

  let library: ChoiceSearch<MediaItem> | null = null
  let file: DialogField | null = null
  const details: Record<'alt' | 'caption' | 'credit', DialogField> = {} as Record<'alt' | 'caption' | 'credit', DialogField>
  // What a library choice filled in, so choosing another picture replaces it but never what was typed.
  const filled = { alt: current?.alt ?? '', caption: current?.caption ?? '', credit: current?.credit ?? '' }
  const fillFrom = (item: MediaItem): void => {
    for (const key of ['alt', 'caption', 'credit'] as const) {
      const input = details[key].input
      if (input.value === '' || input.value === filled[key]) {
        input.value = item[key]
        filled[key] = item[key]
      }
    }
  }

  const choicesUrl = endpoints.mediaChoices
  if (choicesUrl) {
    library = choiceSearch<MediaItem>(dialog, {
      searchLabel: labels.pictureSearch,
      resultsLabel: labels.pictureResults,
      noResults: labels.pictureNoResults,
      searching: labels.searching,
      failed: labels.searchFailed,
      search: (query, signal) => searchMedia(choicesUrl, query, signal),
      describe: (item) => ({ text: item.name || item.alt, thumbUrl: item.thumbUrl }),
      onChoose: (item) => {
        if (file) file.input.value = ''
        fillFrom(item)
      },
      initialChoice: current
    })
  }
  if (endpoints.mediaUpload) {
    file = dialog.addField(labels.pictureFile, { type: 'file' })
    file.input.accept = 'image/*'
    file.input.addEventListener('change', () => { if (file!.input.files?.length) library?.clearChoice() })
    if (options.file) {
      const transfer = new DataTransfer()
      transfer.items.add(options.file)
      file.input.files = transfer.files
    }
  }
  details.alt = dialog.addField(labels.pictureAlt, { value: current?.alt ?? '', hint: labels.pictureAltHint })
  details.alt.input.setAttribute('aria-required', 'true')
  details.caption = dialog.addField(labels.pictureCaption, { value: current?.caption ?? '' })
  details.credit = dialog.addField(labels.pictureCredit, { value: current?.credit ?? '' })

  const chosenFile = (): File | null => file?.input.files?.[0] ?? null

  await dialog.run(async () => {
    const alt = details.alt.input.value.trim()
    const caption = details.caption.input.value.trim()
    const credit = details.credit.input.value.trim()
    const upload = chosenFile()
    let item = library?.chosen() ?? (editing ? current : null)
    if (!upload && !item) {
      if (library) library.showError(labels.pictureErrorNone)
      else if (file) dialog.fieldProblem(file, labels.pictureErrorNone)
      return false
    }
    if (upload && file && !isPictureFile(upload)) {
      dialog.fieldProblem(file, labels.pictureErrorNotImage)
      return false
    }
    if (!alt) {
      dialog.fieldProblem(details.alt, labels.pictureErrorAlt)
      return false
    }
    if (upload) {
      dialog.setBusy(true)
      dialog.setStatus(labels.pictureUploading)
      try {
        item = await uploadPicture(endpoints, upload, { alt, caption, credit })
      } catch (error) {
        dialog.showProblem(error instanceof RequestFailed && error.serverMessage ? error.serverMessage : labels.pictureUploadFailed)
        return false
      } finally {
        dialog.setBusy(false)
        dialog.setStatus('')
      }
    }
    // Cancelled while the file was uploading: the picture stays in the library, not in the story.
    if (!item || !dialog.dialog.open) return false
    const attrs = {
      mediaId: item.id || null, src: item.src, srcset: item.srcset, width: item.width, height: item.height, alt, caption, credit
    }
    const state = view.state
    if (editing && state.doc.nodeAt(editing.pos)?.type === bodySchema.nodes.picture) {
      const tr = state.tr.setNodeMarkup(editing.pos, null, attrs)
      view.dispatch(tr.setSelection(NodeSelection.create(tr.doc, editing.pos)))
    } else {
      const tr = insertBlock(state, bodySchema.nodes.picture!.create(attrs), options.at)
      if (tr) view.dispatch(tr)
    }
    return true
  }, options.file || editing ? details.alt.input : library?.search ?? file?.input)
  returnToText(context)
}
