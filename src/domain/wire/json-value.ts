// Safe readers for JSON from outside: a field of the wrong type reads as absent, never as a crash.
export type JsonObject = Record<string, unknown>

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function str(value: unknown): string | null {
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return null
}

export function objects(value: unknown, max = 200): JsonObject[] {
  return Array.isArray(value) ? value.slice(0, max).filter(isObject) : []
}
