import type { Kysely, Transaction } from 'kysely'
import type { SettingsTable } from './tables/settings.table.js'
import type { UsersTable } from './tables/users.table.js'
import type { SectionsTable, TagsTable, ArticleTagsTable } from './tables/taxonomy.table.js'
import type { ArticlesTable } from './tables/articles.table.js'
import type { CommentsTable } from './tables/comments.table.js'
import type { AuditLogTable } from './tables/audit-log.table.js'
import type { SearchDocumentsTable } from './tables/search.table.js'
import type { ArticleRevisionsTable, MediaFilesTable, MediaTable, SlugHistoryTable } from './tables/editorial.table.js'
import type { SessionsTable, LoginFailuresTable, UserTokensTable } from './tables/accounts.table.js'
import type { ArticleAutosavesTable } from './tables/autosaves.table.js'
import type { WireItemsTable, WireItemVersionsTable, WireRunsTable, WireSourcesTable } from './tables/wire.table.js'
import type { ImportItemsTable, ImportRunsTable, RedirectsTable } from './tables/imports.table.js'
import type { LiveArticleStatesTable, LiveEventsTable } from './tables/live.table.js'
import type { LiveBlogsTable, LiveBlogUpdatesTable } from './tables/live-blog.table.js'

export interface Database {
  settings: SettingsTable
  users: UsersTable
  sections: SectionsTable
  tags: TagsTable
  article_tags: ArticleTagsTable
  articles: ArticlesTable
  comments: CommentsTable
  audit_log: AuditLogTable
  /** PostgreSQL only; SQLite searches the FTS5 table search_fts. */
  search_documents: SearchDocumentsTable
  media: MediaTable
  media_files: MediaFilesTable
  article_revisions: ArticleRevisionsTable
  slug_history: SlugHistoryTable
  sessions: SessionsTable
  login_failures: LoginFailuresTable
  user_tokens: UserTokensTable
  article_autosaves: ArticleAutosavesTable
  wire_sources: WireSourcesTable
  wire_items: WireItemsTable
  wire_item_versions: WireItemVersionsTable
  wire_runs: WireRunsTable
  import_runs: ImportRunsTable
  import_items: ImportItemsTable
  redirects: RedirectsTable
  live_events: LiveEventsTable
  live_article_states: LiveArticleStatesTable
  live_blogs: LiveBlogsTable
  live_blog_updates: LiveBlogUpdatesTable
}

export type Db = Kysely<Database>
/** Repositories take either the database or a transaction. */
export type DbOrTrx = Kysely<Database> | Transaction<Database>
export type DialectName = 'sqlite' | 'postgres'
