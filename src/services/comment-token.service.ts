// The secret that signs comment timing tokens: random, made on first use and kept in the settings table,
// so every app process on the same database signs and checks alike without any configuration.
import { randomBytes } from 'node:crypto'
import { loadSettingsValue, saveSettingsValueIfAbsent } from '../db/repositories/settings.repository.js'
import type { Db } from '../db/database.js'
import { issueTimingToken, readTimingToken } from '../domain/comment-token.js'
import type { Deps } from './deps.js'

const SECRET_KEY = 'internal.commentTimingSecret'
const secrets = new WeakMap<Db, Promise<string>>()

async function loadOrCreateSecret(db: Db): Promise<string> {
  const stored = await loadSettingsValue(db, SECRET_KEY)
  if (typeof stored === 'string' && stored.length >= 32) return stored
  // Two processes may race here; the first secret stored wins for both.
  const agreed = await saveSettingsValueIfAbsent(db, SECRET_KEY, randomBytes(32).toString('base64url'))
  if (typeof agreed !== 'string') throw new Error('could not store the comment timing secret')
  return agreed
}

function timingSecret(deps: Deps): Promise<string> {
  let secret = secrets.get(deps.db)
  if (!secret) {
    secret = loadOrCreateSecret(deps.db)
    secrets.set(deps.db, secret)
    secret.catch(() => secrets.delete(deps.db))
  }
  return secret
}

export async function timingTokenFor(deps: Deps, articleId: number): Promise<string> {
  return issueTimingToken(await timingSecret(deps), articleId, deps.clock())
}

export async function readCommentTimingToken(deps: Deps, articleId: number, token: string): Promise<Date | 'missing' | 'forged'> {
  return readTimingToken(await timingSecret(deps), articleId, token)
}
