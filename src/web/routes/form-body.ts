// Reading a urlencoded form body, which is whatever the client sent: a field is its text, or empty when
// it is missing or not a single string (a repeated name arrives as an array).
export function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name]
  return typeof value === 'string' ? value : ''
}
