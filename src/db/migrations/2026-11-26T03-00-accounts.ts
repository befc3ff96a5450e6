// Frozen in time: never edit a migration that has shipped; add a new one.
// Accounts: server-side sessions, login throttling state (in the database so every app instance on
// PostgreSQL sees the same failures) and one-time links for invited users and password resets.
import type { Kysely } from 'kysely'
import { idColumn, isPostgres } from './helpers.js'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db)

  await idColumn(db.schema.createTable('sessions'), pg)
    // SHA-256 of the cookie's random token, hex: a leaked database row cannot be replayed as a cookie.
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // The synchroniser token every admin form carries; random per session, compared in constant time.
    .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('last_seen_at', 'varchar(24)', (c) => c.notNull())
    // Absolute expiry; the idle limit is computed from last_seen_at.
    .addColumn('expires_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('ip', 'varchar(45)')
    .addColumn('user_agent', 'varchar(500)')
    .execute()
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute()
  await db.schema.createIndex('sessions_expires_idx').on('sessions').column('expires_at').execute()

  // One row per failed login; throttling counts recent rows per account and per IP.
  await idColumn(db.schema.createTable('login_failures'), pg)
    // The email as typed (normalised), whether or not such a user exists, so throttling gives no hint.
    .addColumn('email', 'varchar(254)', (c) => c.notNull())
    .addColumn('ip', 'varchar(45)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('login_failures_email_idx').on('login_failures').columns(['email', 'created_at']).execute()
  await db.schema.createIndex('login_failures_ip_idx').on('login_failures').columns(['ip', 'created_at']).execute()

  await idColumn(db.schema.createTable('user_tokens'), pg)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    // "setup" for an invited account's first password, "reset" for a password reset.
    .addColumn('purpose', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('used_at', 'varchar(24)')
    .execute()
  await db.schema.createIndex('user_tokens_user_idx').on('user_tokens').column('user_id').execute()

  // The audit page filters by actor and action and pages by (created_at, id).
  await db.schema.createIndex('audit_log_actor_idx').on('audit_log').columns(['actor_id', 'created_at']).execute()
  await db.schema.createIndex('audit_log_action_idx').on('audit_log').columns(['action', 'created_at']).execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_log_action_idx').execute()
  await db.schema.dropIndex('audit_log_actor_idx').execute()
  for (const table of ['user_tokens', 'login_failures', 'sessions']) await db.schema.dropTable(table).execute()
}
