// One field of a parsed form body, which is whatever the client sent. A repeated name arrives as an
// array: its strings are kept (joined) so the form can show them back, but it is not a single value,
// which the caller reports rather than silently picking one.
export interface FormField { text: string, single: boolean }

export function formField(body: Record<string, unknown>, name: string): FormField {
  const value = body[name]
  if (value === undefined || value === null) return { text: '', single: true }
  if (typeof value === 'string') return { text: value, single: true }
  if (Array.isArray(value)) return { text: value.filter((v) => typeof v === 'string').join(' '), single: false }
  return { text: '', single: false }
}
