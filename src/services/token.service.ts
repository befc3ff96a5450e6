// Random tokens for cookies and one-time links. Only their SHA-256 is stored, so a copy of the
// database (a backup, a replica) cannot be used to sign in.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** 32 random bytes (256 bits), URL-safe: far beyond guessing, short enough for a link. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url')
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** Compares two secrets in constant time; different lengths are simply unequal. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
