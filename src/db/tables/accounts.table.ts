import type { Generated } from 'kysely'

export interface SessionsTable {
  id: Generated<number>
  /** SHA-256 (hex) of the random token in the cookie. */
  token_hash: string
  user_id: number
  csrf_token: string
  created_at: string
  last_seen_at: string
  /** Absolute expiry. */
  expires_at: string
  ip: string | null
  user_agent: string | null
}

export interface LoginFailuresTable {
  id: Generated<number>
  email: string
  ip: string
  created_at: string
}

export type UserTokenPurpose = 'setup' | 'reset'

export interface UserTokensTable {
  id: Generated<number>
  user_id: number
  token_hash: string
  purpose: UserTokenPurpose
  created_at: string
  expires_at: string
  used_at: string | null
}
