// An imported comment's HTML, as commentTextToHtml writes it, for less when the comment is plain text
// (most are: no tag, no entity, no web address). commentTextToHtml escapes the text, has sanitize-html read
// it back and write it again, then cuts it into paragraphs. For text without & < > and without a web
// address there is nothing to escape that sanitize-html does not unescape again (the quotes, which it
// writes as they are), no tag and no link: what comes out of the sanitiser is the text itself, and only the
// paragraphs are left to cut, which is done below the same way (comment-text.ts's `paragraphs` for text
// without tags). Any other comment goes through commentTextToHtml; the tests compare the two on every
// comment of the WordPress exports in the corpora and on random text.
import { commentTextToHtml } from './comment-text.js'

// eslint-disable-next-line no-control-regex -- control characters are sent the usual way, to be safe
const NOT_PLAIN = /[<>&\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|https?:\/\/|www\./i

const TAG = /<(\/?)([a-z]+)[^>]*>/g
const WHITESPACE = /\s/

/** comment-text.ts's trimParagraphEnd for a paragraph without closing tags: trailing spaces and <br>s go. */
function trimEnd(body: string): string {
  let end = body.length
  for (;;) {
    if (end > 0 && WHITESPACE.test(body[end - 1]!)) end--
    else if (end >= 4 && body.startsWith('<br>', end - 4)) end -= 4
    else break
  }
  return end === body.length ? body : body.slice(0, end)
}

/** commentTextToHtml(text), the plain-text comments without sanitize-html. */
export function importedCommentHtml(text: string): string {
  const normalised = text.replace(/\r\n?/g, '\n')
  if (NOT_PLAIN.test(normalised)) return commentTextToHtml(text)
  if (normalised.trim() === '') return ''
  let out = ''
  for (const part of normalised.split(/\n[ \t]*\n\s*/)) {
    const body = trimEnd(part.replace(/\n/g, '<br>').replace(/^(?:\s|<br>)+/, ''))
    if (body.replace(TAG, '').trim() !== '') out += `<p>${body}</p>`
  }
  return out
}
