// Frozen in time: never edit a migration that has shipped; add a new one.
// An imported comment carries its WordPress key (the export's site and the comment's id) on its own row,
// instead of a mapping row in import_items: a comment is three quarters of an import's rows (three per
// post in a typical export), and its mapping row, with the row's unique index, was a fifth of what SQLite
// wrote per post. The mapping rows of comments that still exist move onto them; those of comments deleted
// since stay in import_items, where the import still finds them, so a re-import does not bring them back
// (the moderators' "delete for good" leaves such a row too, from now on).
import { sql, type Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // The export's site (import_items.site_url) and the WordPress comment id (up to 15 digits: bigint).
  await db.schema.alterTable('comments').addColumn('wp_site', 'varchar(500)').execute()
  await db.schema.alterTable('comments').addColumn('wp_id', 'bigint').execute()

  // Driven from the mapping rows, each finding its comment by primary key (import_items has no index on
  // lede_id: a subquery per comment would read the whole table for each).
  await sql`update comments set wp_site = i.site_url, wp_id = cast(i.wp_key as bigint) from import_items i
    where i.wp_kind = 'comment' and i.lede_kind = 'comment' and i.lede_id = comments.id`.execute(db)
  await sql`delete from import_items where wp_kind = 'comment' and lede_kind = 'comment' and exists (select 1 from comments c
    where c.id = import_items.lede_id and c.wp_site = import_items.site_url and c.wp_id = cast(import_items.wp_key as bigint))`.execute(db)

  // Only imported comments are in it: the newsroom's and readers' comments cost it nothing.
  await db.schema.createIndex('comments_wp_key_idx').on('comments').columns(['wp_site', 'wp_id']).unique()
    .where(sql.ref('wp_site'), 'is not', null).execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  // The restored rows are dated by their comments: a migration reads no clock (test/architecture/clock.test.ts).
  await sql`insert into import_items (site_url, wp_kind, wp_key, lede_kind, lede_id, content_hash, run_id, created_at, updated_at)
    select wp_site, 'comment', cast(wp_id as varchar(200)), 'comment', id, '', null, created_at, created_at from comments where wp_site is not null`.execute(db)
  await db.schema.dropIndex('comments_wp_key_idx').execute()
  await db.schema.alterTable('comments').dropColumn('wp_id').execute()
  await db.schema.alterTable('comments').dropColumn('wp_site').execute()
}
