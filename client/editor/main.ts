// The rich body editor (issue 17), bundled into assets/build/editor.js by scripts/build-assets.mjs. It
// takes over every textarea marked data-rich-editor; without JavaScript the textarea takes simple HTML.
import { mountRichEditor } from './mount.js'
import { pageLabels } from './page-labels.js'
import type { EditorEndpoints } from './server.js'

function endpointsFor(textarea: HTMLTextAreaElement): EditorEndpoints {
  const url = (name: string): string | null => textarea.getAttribute(`data-${name}`) || null
  const csrf = textarea.form?.elements.namedItem('_csrf')
  return {
    mediaChoices: url('media-choices-url'),
    mediaUpload: url('media-upload-url'),
    articleChoices: url('article-choices-url'),
    pasteClean: url('paste-clean-url'),
    csrfToken: csrf instanceof HTMLInputElement ? csrf.value : ''
  }
}

const textareas = document.querySelectorAll<HTMLTextAreaElement>('textarea[data-rich-editor]')
if (textareas.length && typeof HTMLDialogElement === 'function') {
  const labels = pageLabels(document)
  for (const textarea of textareas) mountRichEditor(textarea, labels, endpointsFor(textarea))
}
