// Which of the forms a cached answer is kept in (brotli, gzip, as it is) a client gets, read from its
// Accept-Encoding header (RFC 9110 §12.5.3): the compressed form it weighs highest, brotli on a tie,
// and the plain body when it accepts neither. A client that refuses even identity still gets the plain
// body: answering 406 to a page request helps nobody.

export type KeptEncoding = 'br' | 'gzip' | 'identity'

/** Longer headers are cut here; no browser sends more than a few dozen characters. */
const MAX_HEADER = 1024

function weight(parameters: string[]): number {
  for (const parameter of parameters) {
    const [name, value] = parameter.split('=')
    if (name?.trim().toLowerCase() !== 'q' || value === undefined) continue
    const q = Number(value.trim())
    return Number.isFinite(q) && q >= 0 && q <= 1 ? q : 0
  }
  return 1
}

export function chooseEncoding(header: string | string[] | undefined): KeptEncoding {
  const text = (Array.isArray(header) ? header.join(',') : header ?? '').slice(0, MAX_HEADER)
  if (text === '') return 'identity'
  const weights = new Map<string, number>()
  for (const part of text.split(',')) {
    const [coding, ...parameters] = part.split(';')
    const name = coding?.trim().toLowerCase()
    if (name) weights.set(name, weight(parameters))
  }
  const star = weights.get('*')
  const q = (name: string) => weights.get(name) ?? star ?? 0
  const br = q('br')
  const gzip = Math.max(q('gzip'), weights.get('x-gzip') ?? 0)
  if (br <= 0 && gzip <= 0) return 'identity'
  return br >= gzip ? 'br' : 'gzip'
}
