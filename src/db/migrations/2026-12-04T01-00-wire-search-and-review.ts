// Frozen in time: never edit a migration that has shipped; add a new one.
// The wire inbox is searched with the site's tokenizer (src/domain/wire/inbox-search.ts): each item keeps
// its tokens in search_text. Items already in the inbox are tokenized here with the tokenizer of the day;
// every later ingest writes the column.
// An item made into a story remembers which of the agency's versions its editor last read
// (used_content_hash: the one the story was made from, or last marked as reviewed), so "what changed
// since" diffs against it. For items already used it is the version that was current when they were used.
import type { Kysely } from 'kysely'
import { wireSearchText } from '../../domain/wire/inbox-search.js'

/** Rows per round trip: bounded memory on a full inbox, few queries on a small one. */
const BATCH = 500

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('wire_items').addColumn('search_text', 'text', (c) => c.notNull().defaultTo(' ')).execute()
  await db.schema.alterTable('wire_items').addColumn('used_content_hash', 'text').execute()
  let after = 0
  for (;;) {
    const rows = await db.selectFrom('wire_items')
      .select(['id', 'headline', 'slugline', 'lead', 'body_html', 'byline', 'dateline', 'content_hash', 'used_article_id', 'used_at', 'used_story_stale'])
      .where('id', '>', after).orderBy('id').limit(BATCH).execute() as Array<{
        id: number, headline: string, slugline: string | null, lead: string | null, body_html: string, byline: string | null,
        dateline: string | null, content_hash: string, used_article_id: number | null, used_at: string | null, used_story_stale: number
      }>
    if (rows.length === 0) break
    for (const row of rows) {
      let usedHash: string | null = null
      if (row.used_article_id !== null) {
        usedHash = row.content_hash
        if (row.used_story_stale && row.used_at !== null) {
          const used = await db.selectFrom('wire_item_versions').select('content_hash').where('item_id', '=', row.id)
            .where('received_at', '<=', row.used_at).orderBy('received_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst() as { content_hash: string } | undefined
          usedHash = used?.content_hash ?? null
        }
      }
      await db.updateTable('wire_items').set({ search_text: wireSearchText({ ...row, bodyHtml: row.body_html }), used_content_hash: usedHash })
        .where('id', '=', row.id).execute()
    }
    after = Number(rows[rows.length - 1]!.id)
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('wire_items').dropColumn('used_content_hash').execute()
  await db.schema.alterTable('wire_items').dropColumn('search_text').execute()
}
