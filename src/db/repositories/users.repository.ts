import type { Insertable, Selectable } from 'kysely'
import type { DbOrTrx } from '../database.js'
import type { UsersTable } from '../tables/users.table.js'

export type UserRow = Selectable<UsersTable>

export async function insertUser(db: DbOrTrx, values: Insertable<UsersTable>): Promise<number> {
  const row = await db.insertInto('users').values(values).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function userById(db: DbOrTrx, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
}
