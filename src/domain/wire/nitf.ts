// NITF (News Industry Text Format), versions 3.x and unversioned: one item per document.
import { createHash } from 'node:crypto'
import type { WireItem, WireRefusal } from './wire-item.js'
import { attr, child, children, path, textOf, type XmlNode } from './xml-tree.js'
import { xmlBodyHtml } from './body-html.js'
import { finishItem } from './item-rules.js'
import { cleanText, parseUrgency, parseWireDate } from './wire-text.js'

const text = (node: XmlNode | null | undefined) => cleanText(textOf(node))

function textWithout(node: XmlNode | null, skipped: string): string | null {
  if (!node) return null
  return cleanText(node.children.filter((c) => c.name !== skipped).map((c) => textOf(c)).join(' '))
}

/** AP's byline carries the writer's title in <byttl>: "By BERNARD CONDON, AP Business Writer". */
function byline(node: XmlNode | null): string | null {
  const name = textWithout(node, 'byttl')
  const title = text(child(node, 'byttl'))
  return name && title ? `${name}, ${title}` : name ?? title
}

/** Some agencies send no id (AP's doc-id has only regsrc): the story is then known by its headline and issue time. */
function derivedId(source: string | null, headline: string | null, issued: string | null): string | null {
  if (!headline) return null
  const digest = createHash('sha256').update(`${headline}\u0000${issued ?? ''}`).digest('hex').slice(0, 24)
  return `nitf:${source ?? 'unknown'}:${digest}`
}

export function parseNitf(root: XmlNode): WireItem | WireRefusal {
  const head = child(root, 'head')
  const docdata = child(head, 'docdata')
  const bodyHead = path(root, 'body', 'body.head')
  const bodyContent = path(root, 'body', 'body.content')
  const meta = (name: string) => attr(children(head, 'meta').find((m) => attr(m, 'name') === name), 'content')
  const docId = child(docdata, 'doc-id')
  const headline = text(path(bodyHead, 'hedline', 'hl1')) ?? text(child(head, 'title'))
  const issued = parseWireDate(attr(child(docdata, 'date.issue'), 'norm'))
  const release = parseWireDate(attr(child(docdata, 'date.release'), 'norm'))
  const dateline = child(bodyHead, 'dateline')
  const evloc = child(docdata, 'evloc')
  const copyright = attr(child(docdata, 'doc.copyright'), 'holder')
  const subjects = children(child(head, 'tobject'), 'tobject.subject').map((s) => {
    const refnum = attr(s, 'tobject.subject.refnum')
    const ipr = attr(s, 'tobject.subject.ipr') ?? 'iptc'
    return {
      code: refnum ? `${ipr.toLowerCase()}:${refnum}` : null,
      name: attr(s, 'tobject.subject.detail') ?? attr(s, 'tobject.subject.matter') ?? attr(s, 'tobject.subject.type')
    }
  })
  return finishItem({
    format: 'nitf',
    agencyId: attr(docId, 'id-string') ?? derivedId(attr(docId, 'regsrc'), headline, issued),
    version: null,
    headline,
    slugline: attr(child(docdata, 'du-key'), 'key') ?? attr(path(docdata, 'key-list', 'keyword'), 'key') ?? meta('anpa-keyword'),
    lead: text(child(bodyHead, 'abstract')),
    bodyHtml: xmlBodyHtml(bodyContent?.children ?? []),
    byline: byline(child(bodyHead, 'byline')),
    agency: attr(docId, 'regsrc') ?? text(child(bodyHead, 'distributor')) ?? copyright,
    credit: copyright ?? text(child(bodyHead, 'distributor')),
    language: attr(root, 'baselang') ?? attr(root, 'xml:lang') ?? attr(child(root, 'body'), 'xml:lang'),
    urgency: parseUrgency(attr(child(docdata, 'urgency'), 'ed-urg')),
    subjects,
    dateline: textWithout(dateline, 'story.date') ?? text(path(dateline, 'location', 'city')) ?? attr(evloc, 'city'),
    firstCreated: issued,
    versionCreated: issued,
    // date.release is when the story may be used; it is an embargo only when it is later than the issue.
    embargoUntil: release && (!issued || release > issued) ? release : null,
    url: null,
    links: []
  })
}
