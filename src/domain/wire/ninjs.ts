// IPTC ninjs (JSON) 1.x and 2.x field names, and the dialects agencies actually send: Superdesk's (guid,
// version as a string, "+0000" offsets) and the BBC's search-result envelope {total, item: […]}.
import type { WireItem, WireRefusal } from './wire-item.js'
import { htmlBody, plainTextBody } from './body-html.js'
import { finishItem, isRefusal } from './item-rules.js'
import { isObject, objects, str, type JsonObject } from './json-value.js'
import { parseUrgency, parseVersion, parseWireDate } from './wire-text.js'

// Types that carry a story's text; "advisory" is the BBC's note to newsrooms, still copy an editor may take.
const TEXT_TYPES = new Set(['text', 'composite', 'advisory'])

/** ninjs 2 lists headlines, descriptions and bodies with roles or content types; 1.x has single fields. */
function byRole(list: unknown, preferred: (o: JsonObject) => boolean): string | null {
  const all = objects(list)
  const found = all.find(preferred) ?? all[0]
  return found ? str(found.value) : null
}

function item(o: JsonObject): WireItem | WireRefusal {
  const type = str(o.type) ?? 'text'
  const id = str(o.guid) ?? str(o.uri) ?? str(o.id)
  if (!TEXT_TYPES.has(type)) return { reason: `${id ?? 'an item'} is a ${type} item, not text` }
  const bodyHtml = str(o.body_html) ?? byRole(o.bodies, (b) => /html/.test(str(b.contenttype) ?? ''))
  const bodyText = str(o.body_text)
  const located = str(o.located) ?? (isObject(o.located) ? str(o.located.name) : null)
  const authors = objects(o.authors).map((a) => str(a.name)).filter((n): n is string => !!n)
  const uri = str(o.uri)
  return finishItem({
    format: 'ninjs',
    agencyId: id,
    version: parseVersion(o.version),
    headline: str(o.headline) ?? byRole(o.headlines, (h) => !h.role || h.role === 'main'),
    slugline: str(o.slugline),
    lead: str(o.description_text) ?? str(o.description_html) ?? byRole(o.descriptions, (d) => d.role === 'summary' || d.role === 'drol:summary'),
    bodyHtml: bodyHtml ? htmlBody(bodyHtml) : bodyText ? plainTextBody(bodyText) : '',
    byline: str(o.byline) ?? (authors.length ? authors.join(', ') : null),
    agency: str(o.source) ?? str(o.copyrightholder),
    credit: str(o.copyrightholder) ?? str(o.source),
    language: str(o.language),
    urgency: parseUrgency(o.urgency) ?? parseUrgency(o.priority),
    subjects: objects(o.subject).map((s) => ({ code: str(s.code) ?? str(s.uri), name: str(s.name) })),
    dateline: located ?? str(objects(o.place)[0]?.name),
    firstCreated: parseWireDate(str(o.firstcreated)),
    versionCreated: parseWireDate(str(o.versioncreated)),
    embargoUntil: parseWireDate(str(o.embargoed)),
    url: uri,
    links: objects(o.links).map((l) => ({ rel: str(l.rel) ?? 'related', href: str(l.href) ?? '' }))
  })
}

/** Is this JSON a ninjs item or an envelope of them? */
export function looksLikeNinjs(value: unknown): boolean {
  if (!isObject(value)) return false
  if (Array.isArray(value.item) && value.item.some((i) => isObject(i) && looksLikeNinjs(i))) return true
  return ('headline' in value || 'headlines' in value) && ('guid' in value || 'uri' in value || 'versioncreated' in value || 'type' in value)
}

export function parseNinjs(value: unknown): { items: WireItem[], skipped: WireRefusal[] } {
  const list = isObject(value) && Array.isArray(value.item) ? objects(value.item, 2000) : isObject(value) ? [value] : []
  const items: WireItem[] = []
  const skipped: WireRefusal[] = []
  for (const o of list) {
    const result = item(o)
    if (isRefusal(result)) skipped.push(result)
    else items.push(result)
  }
  return { items, skipped }
}
