import type { Insertable, Selectable } from 'kysely'
import type { DbOrTrx } from '../database.js'
import { isPostgres } from '../engine.js'
import type { UsersTable } from '../tables/users.table.js'

export type UserRow = Selectable<UsersTable>

export async function insertUser(db: DbOrTrx, values: Insertable<UsersTable>): Promise<number> {
  const row = await db.insertInto('users').values(values).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function userById(db: DbOrTrx, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Emails are stored normalised (trimmed, lower case), so an exact match is a case-insensitive one. */
export async function userByEmail(db: DbOrTrx, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst()
}

export async function countUsers(db: DbOrTrx): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function userSlugsStartingWith(db: DbOrTrx, base: string): Promise<Set<string>> {
  const rows = await db.selectFrom('users').select('slug').where('slug', 'like', `${base}%`).execute()
  return new Set(rows.map((r) => r.slug))
}

export interface UserListItem {
  id: number
  email: string
  displayName: string
  role: UsersTable['role']
  disabled: boolean
  hasPassword: boolean
  createdAt: string
  lastSeenAt: string | null
}

/** Every account, administrators first, then by name; a newsroom has dozens, not thousands. */
export async function listUsers(db: DbOrTrx): Promise<UserListItem[]> {
  const rows = await db.selectFrom('users')
    .select((eb) => [
      'id', 'email', 'display_name', 'role', 'disabled', 'password_hash', 'created_at',
      eb.selectFrom('sessions').select((s) => s.fn.max('last_seen_at').as('m')).whereRef('sessions.user_id', '=', 'users.id').as('last_seen_at')
    ])
    .orderBy('display_name').orderBy('id').execute()
  const rank: Record<string, number> = { administrator: 0, editor: 1, author: 2, contributor: 3 }
  return rows
    .map((r) => ({
      id: r.id, email: r.email, displayName: r.display_name, role: r.role, disabled: r.disabled === 1,
      hasPassword: r.password_hash !== null, createdAt: r.created_at, lastSeenAt: (r.last_seen_at as string | null) ?? null
    }))
    .sort((a, b) => (rank[a.role]! - rank[b.role]!))
}

/**
 * Ids of active administrators. On PostgreSQL the rows are locked until the transaction ends, so two
 * administrators demoting each other at the same moment cannot both see "another one remains";
 * SQLite runs one write transaction at a time anyway.
 */
export async function activeAdministratorIds(db: DbOrTrx): Promise<number[]> {
  let q = db.selectFrom('users').select('id').where('role', '=', 'administrator').where('disabled', '=', 0)
  if (isPostgres(db)) q = q.forUpdate()
  return (await q.execute()).map((r) => r.id)
}

export async function updateUser(db: DbOrTrx, id: number, values: Partial<Pick<UsersTable, 'display_name' | 'role' | 'password_hash' | 'email'>> & { disabled?: number }): Promise<void> {
  await db.updateTable('users').set(values).where('id', '=', id).execute()
}

/** For filters: every account by name, including disabled ones (their actions stay in the log). */
export async function userChoices(db: DbOrTrx): Promise<{ id: number, displayName: string }[]> {
  const rows = await db.selectFrom('users').select(['id', 'display_name']).orderBy('display_name').orderBy('id').execute()
  return rows.map((r) => ({ id: r.id, displayName: r.display_name }))
}

/** A staff account as its public author page shows it: name and slug, nothing else. */
export async function authorBySlug(db: DbOrTrx, slug: string): Promise<{ id: number, name: string, slug: string } | undefined> {
  const row = await db.selectFrom('users').select(['id', 'display_name', 'slug']).where('slug', '=', slug).executeTakeFirst()
  return row ? { id: row.id, name: row.display_name, slug: row.slug } : undefined
}

export async function authorById(db: DbOrTrx, id: number): Promise<{ name: string, slug: string } | undefined> {
  const row = await db.selectFrom('users').select(['display_name', 'slug']).where('id', '=', id).executeTakeFirst()
  return row ? { name: row.display_name, slug: row.slug } : undefined
}
