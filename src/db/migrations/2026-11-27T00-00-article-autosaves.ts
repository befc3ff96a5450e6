// Frozen in time: never edit a migration that has shipped; add a new one.
// The editor's autosaves: one row per article and user, holding the form as typed, apart from the
// article so that autosaving never changes a story, its version or its revisions
// (docs/decisions/008-editor-autosave.md).
import type { Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('article_autosaves')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // The article's version the form was loaded at: restoring saves against it, so a newer save by
    // someone else shows up as a conflict instead of being overwritten.
    .addColumn('base_version', 'integer', (c) => c.notNull())
    // JSON: the editor form's values as typed (ArticleFormValues).
    .addColumn('form_values', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'varchar(24)', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_autosaves_pk', ['article_id', 'user_id'])
    .execute()
  // PostgreSQL does not index a foreign key by itself; deleting a user looks their autosaves up by it.
  await db.schema.createIndex('article_autosaves_user_idx').on('article_autosaves').columns(['user_id']).execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('article_autosaves').execute()
}
