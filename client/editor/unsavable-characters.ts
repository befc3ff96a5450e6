// Control characters a body may not hold: the article form refuses them (src/domain/article-form.ts), so
// one hidden in a clipboard (Word's CF_HTML leaves some after </html>) would make the whole story unsavable.
import { Fragment, Slice, type Node } from 'prosemirror-model'

// eslint-disable-next-line no-control-regex -- these characters are the point
const UNSAVABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g

function withoutUnsavable(fragment: Fragment): Fragment {
  const children: Node[] = []
  fragment.forEach((child) => {
    if (!child.isText) children.push(child.copy(withoutUnsavable(child.content)))
    else {
      const text = child.text!.replace(UNSAVABLE, '')
      if (text) children.push(child.type.schema.text(text, child.marks))
    }
  })
  return Fragment.fromArray(children)
}

/** The slice with every control character the form would refuse taken out of its text. */
export function dropUnsavableCharacters(slice: Slice): Slice {
  return new Slice(withoutUnsavable(slice.content), slice.openStart, slice.openEnd)
}
