// Frozen in time: never edit a migration that has shipped; add a new one.
// Article bodies become documents (issue 17): each article's body is read into the body document (the
// rich editor's ProseMirror JSON) from the HTML readers were shown (body_html, what the Markdown rendered to
// and was sanitised into at save: no Markdown is rendered again with a newer renderer), and readers' HTML is
// rendered from the document. Autosaved forms hold
// the editor's field, which is now the document's HTML instead of Markdown. Revisions keep what they hold:
// they are read through domain/body-source.ts, which understands both.
import type { Kysely } from 'kysely'
import { renderArticleBody } from '../../domain/article-body.js'
import { htmlToDocument, isBodyDocumentSource, toBodyDocumentSource } from '../../domain/body-document.js'
import { bodyEditorHtml } from '../../domain/body-source.js'

/** Rows converted per round trip: bounded memory on a large archive, few queries on a small one. */
const BATCH = 200

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  let after = 0
  for (;;) {
    const rows = await db.selectFrom('articles').select(['id', 'body_source', 'body_html']).where('id', '>', after).orderBy('id').limit(BATCH).execute() as
      { id: number, body_source: string, body_html: string }[]
    if (rows.length === 0) break
    for (const row of rows) {
      if (isBodyDocumentSource(row.body_source)) continue
      const document = row.body_html.trim() !== '' ? JSON.stringify(htmlToDocument(row.body_html)) : toBodyDocumentSource(row.body_source)
      await db.updateTable('articles').set({ body_source: document, body_html: renderArticleBody(document) }).where('id', '=', row.id).execute()
    }
    after = rows[rows.length - 1]!.id
  }

  const autosaves = await db.selectFrom('article_autosaves').select(['article_id', 'user_id', 'form_values']).execute() as
    { article_id: number, user_id: number, form_values: string }[]
  for (const autosave of autosaves) {
    let values: Record<string, unknown>
    try {
      values = JSON.parse(autosave.form_values) as Record<string, unknown>
    } catch {
      continue
    }
    if (typeof values.body !== 'string') continue
    values.body = bodyEditorHtml(values.body)
    await db.updateTable('article_autosaves').set({ form_values: JSON.stringify(values) })
      .where('article_id', '=', autosave.article_id).where('user_id', '=', autosave.user_id).execute()
  }
}

// Back to a source the Markdown renderer reads: the readers' HTML, which Markdown passes through unchanged.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.updateTable('articles').set((eb) => ({ body_source: eb.ref('body_html') })).where('body_source', 'like', '{"type":"doc"%').execute()
}
