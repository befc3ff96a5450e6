// The timing token: proof of when a comment form was shown, for the "too fast to be human" check.
// It is fetched by assets/comments.js from an uncached endpoint after the page loads, so the cached page
// holds no per-visitor or time-bound data (docs/decisions/003-comment-timing-token.md).
// Signed with HMAC-SHA256 and bound to the article; the time is rounded UP to TOKEN_GRANULARITY_SECONDS so
// it is coarse (it says "shown in this 5-second window", nothing finer) and the measured time to comment
// never exceeds the real one.
import { createHmac, timingSafeEqual } from 'node:crypto'

export const TOKEN_GRANULARITY_SECONDS = 5
const SIGNATURE_BYTES = 16
const TOKEN = /^(\d{1,12})\.([A-Za-z0-9_-]{22})$/

function signature(secret: string, articleId: number, issued: number): Buffer {
  return createHmac('sha256', secret).update(`comment-timing:${articleId}:${issued}`).digest().subarray(0, SIGNATURE_BYTES)
}

export function issueTimingToken(secret: string, articleId: number, now: Date): string {
  const issued = Math.ceil(now.getTime() / 1000 / TOKEN_GRANULARITY_SECONDS) * TOKEN_GRANULARITY_SECONDS
  return `${issued}.${signature(secret, articleId, issued).toString('base64url')}`
}

/** When the form was shown, by the token's word; 'missing' when none came, 'forged' when it does not verify. */
export function readTimingToken(secret: string, articleId: number, token: string): Date | 'missing' | 'forged' {
  if (token === '') return 'missing'
  const match = TOKEN.exec(token)
  if (!match) return 'forged'
  const issued = Number(match[1])
  const given = Buffer.from(match[2]!, 'base64url')
  const expected = signature(secret, articleId, issued)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'forged'
  return new Date(issued * 1000)
}
