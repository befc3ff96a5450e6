// A related story: another of the site's stories, chosen by searching them, shown as a link card.
import type { Node } from 'prosemirror-model'
import { NodeSelection } from 'prosemirror-state'
import { bodySchema } from '../../src/domain/body-schema.ts'
import { choiceSearch } from './choice-search.js'
import { insertBlock } from './commands.js'
import { returnToText, type EditorContext } from './context.js'
import { EditorDialog } from './dialog.js'
import { searchStories, type StoryItem } from './server.js'

function storyOf(node: Node): StoryItem | null {
  const { articleId, href, headline } = node.attrs as { articleId: unknown, href: unknown, headline: unknown }
  if (typeof href !== 'string' || typeof headline !== 'string' || !href) return null
  return { id: typeof articleId === 'number' ? articleId : 0, href, headline }
}

export async function openRelatedDialog(context: EditorContext, editing?: { node: Node, pos: number }): Promise<void> {
  const { view, labels, endpoints } = context
  const choicesUrl = endpoints.articleChoices
  if (!choicesUrl) return
  const dialog = new EditorDialog({
    title: labels.relatedTitle, submitLabel: editing ? labels.relatedUpdate : labels.relatedInsert, cancelLabel: labels.cancel, className: 'rich-related-dialog'
  })
  const stories = choiceSearch<StoryItem>(dialog, {
    searchLabel: labels.relatedSearch,
    resultsLabel: labels.relatedResults,
    noResults: labels.relatedNoResults,
    searching: labels.searching,
    failed: labels.searchFailed,
    search: (query, signal) => searchStories(choicesUrl, query, signal),
    describe: (story) => ({ text: story.headline }),
    onChoose: () => {},
    initialChoice: editing ? storyOf(editing.node) : null
  })
  await dialog.run(() => {
    const story = stories.chosen()
    if (!story) {
      stories.showError(labels.relatedErrorNone)
      return false
    }
    const attrs = { articleId: story.id || null, href: story.href, headline: story.headline }
    const state = view.state
    if (editing && state.doc.nodeAt(editing.pos)?.type === bodySchema.nodes.related_story) {
      const tr = state.tr.setNodeMarkup(editing.pos, null, attrs)
      view.dispatch(tr.setSelection(NodeSelection.create(tr.doc, editing.pos)))
    } else {
      const tr = insertBlock(state, bodySchema.nodes.related_story!.create(attrs))
      if (tr) view.dispatch(tr)
    }
    return true
  }, stories.search)
  returnToText(context)
}
