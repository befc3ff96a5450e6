import type { Generated } from 'kysely'

import type { Role } from '../../domain/roles.js'

export type { Role }

export interface UsersTable {
  id: Generated<number>
  email: string
  display_name: string
  slug: string
  /** argon2id hash; null until the user sets a password (invited accounts). */
  password_hash: string | null
  role: Role
  /** 0 or 1: booleans are integers on both engines. */
  disabled: Generated<number>
  created_at: string
}
