// Outside checkers for feeds, sitemaps and API responses: Python's feedparser (Debian python3-feedparser),
// xmllint (libxml2-utils), @rowanmanning/feed-parser, xml-js and TypeBox. Tests needing a missing tool
// skip with a message saying what to install, or fail under CI=true; .ci/run installs both.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { parseFeed } from '@rowanmanning/feed-parser'
import { FormatRegistry, type TSchema } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import xmljs, { type Element } from 'xml-js'

const FIXTURES = fileURLToPath(new URL('../fixtures/sitemap/', import.meta.url))
export const XSD = {
  // sitemap.xsd with the xhtml:link hreflang alternates of translated articles (issue 6).
  urlset: `${FIXTURES}urlset.xsd`,
  index: `${FIXTURES}siteindex.xsd`,
  news: `${FIXTURES}news-urlset.xsd`
}

/** The first python3 that can import feedparser (pyenv shims may hide Debian's), or null. */
function findFeedparserPython(): string | null {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(candidate, ['-c', 'import feedparser'], { encoding: 'utf8' })
    if (r.status === 0) return candidate
  }
  return null
}

export const PYTHON = findFeedparserPython()
export const XMLLINT = spawnSync('xmllint', ['--version'], { encoding: 'utf8' }).status === 0 ? 'xmllint' : null

export const SKIP_PYTHON = PYTHON ? false : 'python3-feedparser is not installed (apt-get install python3-feedparser): feedparser checks SKIPPED'
export const SKIP_XMLLINT = XMLLINT ? false : 'xmllint is not installed (apt-get install libxml2-utils): XML schema checks SKIPPED'
// CI installs both (.ci/run); there a missing checker is a broken setup, not a reason to skip.
for (const reason of [SKIP_PYTHON, SKIP_XMLLINT]) {
  if (!reason) continue
  if (process.env.CI === 'true') throw new Error(`${String(reason).replace(/: .*SKIPPED$/, '')}, and CI must run these checks`)
  console.warn(`\n!! ${reason}\n`)
}

const FEEDPARSER_SCRIPT = `
import sys, io, json, feedparser
d = feedparser.parse(io.BytesIO(sys.stdin.buffer.read()))
def clean(o):
    if isinstance(o, dict):
        return {k: clean(v) for k, v in o.items() if not k.endswith('_parsed')}
    if isinstance(o, (list, tuple)):
        return [clean(v) for v in o]
    if isinstance(o, (str, int, float, bool)) or o is None:
        return o
    return str(o)
print(json.dumps({'bozo': bool(d.bozo), 'bozo_exception': str(d.get('bozo_exception', '')), 'version': d.version,
                  'feed': clean(d.feed), 'entries': clean(d.entries)}))
`

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any

/** Python feedparser's reading of a feed document. */
export function feedparser(xml: string): Loose {
  const r = spawnSync(PYTHON!, ['-c', FEEDPARSER_SCRIPT], { input: xml, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (r.status !== 0) throw new Error(`feedparser failed: ${r.stderr}`)
  return JSON.parse(r.stdout)
}

/** @rowanmanning/feed-parser's reading of an RSS or Atom document. */
export function rowanmanning(xml: string): Loose {
  return parseFeed(xml).toJSON()
}

/** xmllint's verdict: well-formed (no schema) or valid against an XSD. */
export function xmllint(xml: string, schema?: string): { ok: boolean, output: string } {
  const r = spawnSync(XMLLINT!, ['--noout', '--nonet', ...(schema ? ['--schema', schema] : []), '-'], { input: xml, encoding: 'utf8' })
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` }
}

/** An XML document as an element tree, for structural checks. */
export function xmlTree(xml: string): Element {
  return xmljs.xml2js(xml, { compact: false }) as Element
}

export function childElements(parent: Element | undefined, name: string): Element[] {
  return (parent?.elements ?? []).filter((e) => e.type === 'element' && e.name === name)
}

export function textOf(element: Element | undefined): string {
  return (element?.elements ?? []).map((e) => (e.type === 'text' ? String(e.text) : e.type === 'cdata' ? e.cdata : '')).join('')
}

// The API's schemas use these formats; TypeBox checks them only once they are registered.
if (!FormatRegistry.Has('date-time')) FormatRegistry.Set('date-time', (v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)))
if (!FormatRegistry.Has('date')) FormatRegistry.Set('date', (v) => /^\d{4}-\d{2}-\d{2}$/.test(v))
if (!FormatRegistry.Has('uri')) FormatRegistry.Set('uri', (v) => { try { return Boolean(new URL(v)) } catch { return false } })

/** Asserts a value matches a TypeBox schema, listing every mismatch. */
export function assertMatchesSchema(schema: TSchema, value: unknown, what: string): void {
  if (Value.Check(schema, value)) return
  const errors = [...Value.Errors(schema, value)].slice(0, 10).map((e) => `${e.path}: ${e.message}`)
  throw new Error(`${what} does not match its schema:\n${errors.join('\n')}`)
}
