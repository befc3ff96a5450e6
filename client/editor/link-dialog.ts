// The link dialog (toolbar Link, Mod-k): the address for the selected text, or for the link the cursor
// is in. An address that cannot be a link is refused with what to change.
import { applyLink, linkAround, removeLink } from './commands.js'
import { returnToText, type EditorContext } from './context.js'
import { button, EditorDialog } from './dialog.js'
import { fillLabel, type EditorLabels } from './labels.js'
import { checkLinkUrl, type LinkUrlCheck } from './link-url.js'

export function linkProblemMessage(check: Extract<LinkUrlCheck, { ok: false }>, labels: EditorLabels): string {
  switch (check.problem) {
    case 'empty': return labels.linkErrorEmpty
    case 'spaces': return labels.linkErrorSpaces
    case 'noScheme': return fillLabel(labels.linkErrorNoScheme, { example: check.example ?? 'example.org/' })
    case 'scheme': return fillLabel(labels.linkErrorScheme, { scheme: check.scheme ?? '' })
    case 'incomplete': return labels.linkErrorIncomplete
    case 'mailto': return labels.linkErrorMailto
  }
}

export async function openLinkDialog(context: EditorContext): Promise<void> {
  const { view, labels } = context
  const around = linkAround(view.state)
  const current = typeof around?.mark.attrs.href === 'string' ? around.mark.attrs.href : ''
  const dialog = new EditorDialog({ title: labels.linkTitle, submitLabel: labels.linkApply, cancelLabel: labels.cancel, className: 'rich-link-dialog' })
  const url = dialog.addField(labels.linkUrl, { value: current, hint: labels.linkUrlHint, inputMode: 'url' })
  url.input.spellcheck = false
  if (around || removeLink(view.state)) {
    const remove = button(labels.linkRemove, 'button', 'button button-danger')
    remove.addEventListener('click', () => {
      removeLink(view.state, view.dispatch)
      dialog.close()
    })
    dialog.actions.insertBefore(remove, dialog.actions.lastChild)
  }
  await dialog.run(() => {
    const check = checkLinkUrl(url.input.value)
    if (!check.ok) {
      dialog.fieldProblem(url, linkProblemMessage(check, labels))
      return false
    }
    applyLink(check.href)(view.state, view.dispatch)
    return true
  }, url.input)
  returnToText(context)
}
