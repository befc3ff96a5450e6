// Migrations are listed here, not read from the folder, so the same list works from TypeScript
// sources (tests) and from compiled JavaScript (npm start).
import type { Migration, MigrationProvider } from 'kysely'
import * as readerFoundation from './2026-11-26T00-00-reader-foundation.js'
import * as auditLog from './2026-11-26T00-30-audit-log.js'
import * as comments from './2026-11-26T01-00-comments.js'
import * as search from './2026-11-26T02-00-search.js'
import * as accounts from './2026-11-26T03-00-accounts.js'
import * as editorial from './2026-11-26T04-00-editorial.js'
import * as listingIndexes from './2026-11-26T05-00-listing-indexes.js'
import * as articleAutosaves from './2026-11-27T00-00-article-autosaves.js'
import * as articleTrashedFrom from './2026-11-27T02-00-article-trashed-from.js'
import * as commentBodyHtml from './2026-12-03T00-00-comment-body-html.js'
import * as wireDesk from './2026-12-03T00-00-wire-desk.js'
import * as wordpressImport from './2026-12-03T00-00-wordpress-import.js'
import * as liveEvents from './2026-12-03T00-00-live-events.js'
import * as liveBlogs from './2026-12-03T01-00-live-blogs.js'
import * as liveUpdateImages from './2026-12-04T00-00-live-update-images.js'
import * as wireSearchAndReview from './2026-12-04T01-00-wire-search-and-review.js'
import * as articleDaySlugs from './2026-12-04T02-00-article-day-slugs.js'
import * as bodyDocuments from './2026-12-04T03-00-body-documents.js'
import * as commentImportKeys from './2026-12-05T00-00-comment-import-keys.js'
import * as termDescriptions from './2026-12-06T00-00-term-descriptions.js'
import * as stickyArticles from './2026-12-06T01-00-sticky-articles.js'
import * as importItemDetails from './2026-12-06T02-00-import-item-details.js'

const migrations: Record<string, Migration> = {
  '2026-11-26T00-00-reader-foundation': readerFoundation,
  '2026-11-26T00-30-audit-log': auditLog,
  '2026-11-26T01-00-comments': comments,
  '2026-11-26T02-00-search': search,
  '2026-11-26T03-00-accounts': accounts,
  '2026-11-26T04-00-editorial': editorial,
  '2026-11-26T05-00-listing-indexes': listingIndexes,
  '2026-11-27T00-00-article-autosaves': articleAutosaves,
  '2026-11-27T02-00-article-trashed-from': articleTrashedFrom,
  '2026-12-03T00-00-comment-body-html': commentBodyHtml,
  '2026-12-03T00-00-wire-desk': wireDesk,
  '2026-12-03T00-00-wordpress-import': wordpressImport,
  '2026-12-03T00-00-live-events': liveEvents,
  '2026-12-03T01-00-live-blogs': liveBlogs,
  '2026-12-04T00-00-live-update-images': liveUpdateImages,
  '2026-12-04T01-00-wire-search-and-review': wireSearchAndReview,
  '2026-12-04T02-00-article-day-slugs': articleDaySlugs,
  '2026-12-04T03-00-body-documents': bodyDocuments,
  '2026-12-05T00-00-comment-import-keys': commentImportKeys,
  '2026-12-06T00-00-term-descriptions': termDescriptions,
  '2026-12-06T01-00-sticky-articles': stickyArticles,
  '2026-12-06T02-00-import-item-details': importItemDetails
}

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations
}
