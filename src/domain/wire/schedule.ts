// When a source is polled next. After failures the wait doubles, so a broken or overloaded agency server
// is not hammered, up to a ceiling that still notices within hours when it is back.

export const MAX_BACKOFF_SECONDS = 6 * 3600
export const MIN_INTERVAL_SECONDS = 30
export const MAX_INTERVAL_SECONDS = 24 * 3600

export function nextPollDelaySeconds(intervalSeconds: number, failures: number): number {
  const interval = Math.min(Math.max(intervalSeconds, MIN_INTERVAL_SECONDS), MAX_INTERVAL_SECONDS)
  if (failures <= 0) return interval
  return Math.min(interval * 2 ** Math.min(failures, 20), Math.max(MAX_BACKOFF_SECONDS, interval))
}

export function nextPollAt(now: Date, intervalSeconds: number, failures: number): string {
  return new Date(now.getTime() + nextPollDelaySeconds(intervalSeconds, failures) * 1000).toISOString()
}
