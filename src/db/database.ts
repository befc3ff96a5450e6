import type { Kysely, Transaction } from 'kysely'
import type { SettingsTable } from './tables/settings.table.js'
import type { UsersTable } from './tables/users.table.js'
import type { SectionsTable, TagsTable, ArticleTagsTable } from './tables/taxonomy.table.js'
import type { ArticlesTable } from './tables/articles.table.js'
import type { CommentsTable } from './tables/comments.table.js'
import type { AuditLogTable } from './tables/audit-log.table.js'

export interface Database {
  settings: SettingsTable
  users: UsersTable
  sections: SectionsTable
  tags: TagsTable
  article_tags: ArticleTagsTable
  articles: ArticlesTable
  comments: CommentsTable
  audit_log: AuditLogTable
}

export type Db = Kysely<Database>
/** Repositories take either the database or a transaction. */
export type DbOrTrx = Kysely<Database> | Transaction<Database>
export type DialectName = 'sqlite' | 'postgres'
