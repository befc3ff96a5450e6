// Embeds: a third party's post or video, by its address. The dialog (toolbar Embed, or Enter on an embed)
// takes the address and an optional title; an address no provider is recognised for is refused with the
// list of those that are. A lone address pasted into the text becomes an embed the same way.
import type { Node } from 'prosemirror-model'
import { NodeSelection } from 'prosemirror-state'
import { bodySchema, EMBED_PROVIDERS, type EmbedProvider } from '../../src/domain/body-schema.ts'
import { recogniseEmbed } from '../../src/domain/embeds.ts'
import { insertBlock } from './commands.js'
import { returnToText, type EditorContext } from './context.js'
import { EditorDialog } from './dialog.js'
import { fillLabel } from './labels.js'

// As readers see them on the embed's placeholder (body-schema.ts's embedDOM).
const PROVIDER_NAMES: Record<EmbedProvider, string> = {
  youtube: 'YouTube', vimeo: 'Vimeo', x: 'X', facebook: 'Facebook', instagram: 'Instagram', telegram: 'Telegram'
}

export const supportedProviders = (): string => EMBED_PROVIDERS.map((p) => PROVIDER_NAMES[p]).join(', ')

/** The embed node for an address, or null when no provider is recognised for it. */
export function embedNodeFor(address: string, title = ''): Node | null {
  const found = recogniseEmbed(address.trim())
  if (!found) return null
  return bodySchema.nodes.embed!.create({ provider: found.provider, url: found.url, title })
}

/** Opens the embed dialog: a new embed at the selection, or the one at `editing` changed. */
export async function openEmbedDialog(context: EditorContext, editing?: { node: Node, pos: number }): Promise<void> {
  const { view, labels } = context
  const providers = supportedProviders()
  const dialog = new EditorDialog({
    title: labels.embedTitle, submitLabel: editing ? labels.embedUpdate : labels.embedInsert, cancelLabel: labels.cancel, className: 'rich-embed-dialog'
  })
  const url = dialog.addField(labels.embedUrl, {
    value: typeof editing?.node.attrs.url === 'string' ? editing.node.attrs.url : '', hint: fillLabel(labels.embedUrlHint, { providers }), inputMode: 'url'
  })
  url.input.spellcheck = false
  const title = dialog.addField(labels.embedCaption, { value: typeof editing?.node.attrs.title === 'string' ? editing.node.attrs.title : '' })
  await dialog.run(() => {
    if (!url.input.value.trim()) {
      dialog.fieldProblem(url, labels.embedErrorEmpty)
      return false
    }
    const node = embedNodeFor(url.input.value, title.input.value.trim())
    if (!node) {
      dialog.fieldProblem(url, fillLabel(labels.embedErrorUnsupported, { providers }))
      return false
    }
    const state = view.state
    if (editing && state.doc.nodeAt(editing.pos)?.type === node.type) {
      const tr = state.tr.setNodeMarkup(editing.pos, null, node.attrs)
      view.dispatch(tr.setSelection(NodeSelection.create(tr.doc, editing.pos)))
    } else {
      const tr = insertBlock(state, node)
      if (tr) view.dispatch(tr)
    }
    return true
  }, url.input)
  returnToText(context)
}
