// Plain text as body content, the way people write it in an email or a text file: a blank line between
// paragraphs, a single line break kept as a line break.
import { Fragment, Slice, type Node, type Schema } from 'prosemirror-model'

export function plainTextParagraphs(text: string, schema: Schema): Node[] {
  const normalised = text.replace(/\r\n?/g, '\n').trim()
  if (normalised === '') return []
  return normalised.split(/\n[ \t]*\n\s*/).map((block) => {
    const inline: Node[] = []
    block.split('\n').forEach((line, i) => {
      if (i > 0) inline.push(schema.nodes.hard_break!.create())
      if (line !== '') inline.push(schema.text(line))
    })
    return schema.nodes.paragraph!.create(null, inline)
  })
}

/**
 * The text as a slice to paste. A single paragraph is open at both ends, so it joins the paragraph the
 * cursor is in rather than starting one of its own.
 */
export function plainTextSlice(text: string, schema: Schema): Slice {
  const paragraphs = plainTextParagraphs(text, schema)
  if (paragraphs.length === 0) return Slice.empty
  return new Slice(Fragment.from(paragraphs), 1, 1)
}
