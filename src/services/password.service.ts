// Password hashing with argon2id through @node-rs/argon2 (a maintained native binding; hashing runs
// on libuv's thread pool, so a login does not block other requests).
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2'

/**
 * OWASP's argon2id baseline (m = 19 MiB, t = 2, p = 1): 25–50 ms per hash or verify on this 2-core
 * machine (measured under load), so a login stays instant while each offline guess against a stolen
 * hash costs the same 19 MiB and time.
 * Raising these later is safe: old hashes carry their own parameters and are re-hashed at next login.
 */
export const PRODUCTION_ARGON2_OPTIONS: Options = {
  algorithm: 2 as Algorithm, // Argon2id (a const enum, which isolated modules cannot import)
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1
}

/**
 * The test suite hashes a password for almost every signed-in test; there argon2id runs with the smallest
 * cost it allows (still argon2id, still this code path), which saves seconds per run and proves nothing less.
 */
export function argon2Options(env: { NODE_ENV?: string }): Options {
  return env.NODE_ENV === 'test' ? { ...PRODUCTION_ARGON2_OPTIONS, memoryCost: 1024, timeCost: 1 } : PRODUCTION_ARGON2_OPTIONS
}

let options: Options = argon2Options({ NODE_ENV: process.env.NODE_ENV })

/** The parameters new hashes get in this process. */
export function currentArgon2Options(): Options {
  return options
}

/**
 * Only for a test that measures hashing time (the login timing test needs the real cost to mean
 * anything); returns a function that puts the previous parameters back.
 */
export function useArgon2OptionsForTest(next: Options): () => void {
  const previous = options
  options = next
  dummy = null
  return () => { options = previous; dummy = null }
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, options)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    // A malformed stored hash is a failed login, never a 500 that tells the visitor something.
    return false
  }
}

/** Was this hash made with weaker (or different) parameters than today's? */
export function needsRehash(passwordHash: string): boolean {
  return !passwordHash.startsWith('$argon2id$') || !passwordHash.includes(`m=${options.memoryCost},t=${options.timeCost},p=${options.parallelism}$`)
}

let dummy: Promise<string> | null = null
/**
 * When the email is unknown (or the account has no password yet), a hash is still verified, so the
 * answer takes as long as for a real account and its timing does not reveal which emails exist.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hashPassword('lede-no-such-account-placeholder')
  await verifyPassword(await dummy, password)
  return false
}
