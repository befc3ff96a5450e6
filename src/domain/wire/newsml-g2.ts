// IPTC NewsML-G2: a bare newsItem, or a newsMessage carrying several. Only text items become inbox items;
// packages and concept items are skipped with their reason.
import type { WireItem, WireRefusal, WireSubject } from './wire-item.js'
import { attr, child, children, path, textOf, type XmlNode } from './xml-tree.js'
import { looseBody, htmlBody, xmlBodyHtml } from './body-html.js'
import { finishItem, isRefusal } from './item-rules.js'
import { cleanText, parseUrgency, parseVersion, parseWireDate } from './wire-text.js'

const text = (node: XmlNode | null | undefined) => cleanText(textOf(node))

/** A concept's label: its name child, else its literal, else the code after the scheme. */
function conceptName(node: XmlNode | null): string | null {
  if (!node) return null
  return text(child(node, 'name')) ?? attr(node, 'literal') ?? null
}

function bodyOf(contentSet: XmlNode | null): string {
  const inline = child(contentSet, 'inlineXML')
  if (inline) {
    const html = child(inline, 'html')
    if (html) return xmlBodyHtml(child(html, 'body')?.children ?? [])
    const nitf = child(inline, 'nitf')
    if (nitf) return xmlBodyHtml(path(nitf, 'body', 'body.content')?.children ?? [])
    return xmlBodyHtml(inline.children)
  }
  const data = child(contentSet, 'inlineData')
  if (data) {
    const type = (attr(data, 'contenttype') ?? 'text/plain').toLowerCase()
    return type.includes('html') ? htmlBody(textOf(data)) : looseBody(textOf(data))
  }
  return ''
}

function newsItem(node: XmlNode, messagePriority: number | null): WireItem | WireRefusal {
  const itemClass = attr(child(path(node, 'itemMeta'), 'itemClass'), 'qcode') ?? 'ninat:text'
  if (!/:(text|composite)$/.test(itemClass)) return { reason: `${attr(node, 'guid') ?? 'an item'} is a ${itemClass} item, not text` }
  const itemMeta = child(node, 'itemMeta')
  const contentMeta = child(node, 'contentMeta')
  const provider = child(itemMeta, 'provider')
  const headlines = children(contentMeta, 'headline')
  const mainHeadline = headlines.find((h) => !attr(h, 'role') || attr(h, 'role') === 'hld:main') ?? headlines[0]
  const descriptions = children(contentMeta, 'description')
  const summary = descriptions.find((d) => attr(d, 'role') === 'drol:summary') ?? descriptions[0]
  const subjects: WireSubject[] = children(contentMeta, 'subject').map((s) => ({ code: attr(s, 'qcode'), name: conceptName(s) }))
  const located = child(contentMeta, 'located')
  const by = text(child(contentMeta, 'by'))
  const creator = child(contentMeta, 'creator')
  const rights = child(node, 'rightsInfo')
  const contentCreated = parseWireDate(textOf(child(contentMeta, 'contentCreated')))
  const contentModified = parseWireDate(textOf(child(contentMeta, 'contentModified')))
  return finishItem({
    format: 'newsml-g2',
    agencyId: attr(node, 'guid'),
    version: parseVersion(attr(node, 'version')),
    headline: text(mainHeadline),
    slugline: text(child(contentMeta, 'slugline')),
    lead: text(summary),
    bodyHtml: bodyOf(child(node, 'contentSet')),
    byline: by ?? conceptName(creator),
    agency: text(child(provider, 'name')) ?? attr(provider, 'literal') ?? attr(provider, 'qcode')?.replace(/^[^:]*:/, '') ?? null,
    credit: text(child(contentMeta, 'creditline')) ?? conceptName(child(rights, 'copyrightHolder')),
    language: attr(child(contentMeta, 'language'), 'tag') ?? attr(node, 'xml:lang'),
    urgency: parseUrgency(textOf(child(contentMeta, 'urgency'))) ?? messagePriority,
    subjects,
    dateline: text(child(contentMeta, 'dateline')) ?? conceptName(located),
    firstCreated: parseWireDate(textOf(child(itemMeta, 'firstCreated'))) ?? contentCreated,
    versionCreated: parseWireDate(textOf(child(itemMeta, 'versionCreated'))) ?? contentModified ?? contentCreated,
    embargoUntil: parseWireDate(textOf(child(itemMeta, 'embargoed'))),
    url: null,
    links: children(itemMeta, 'link').map((l) => ({ rel: attr(l, 'rel') ?? 'related', href: attr(l, 'href') ?? '' }))
  })
}

export function parseNewsMlG2(root: XmlNode): { items: WireItem[], skipped: WireRefusal[] } {
  const items: WireItem[] = []
  const skipped: WireRefusal[] = []
  const keep = (result: WireItem | WireRefusal) => { if (isRefusal(result)) skipped.push(result); else items.push(result) }
  if (root.name === 'newsItem') {
    keep(newsItem(root, null))
  } else {
    const priority = parseUrgency(textOf(path(root, 'header', 'priority')))
    for (const node of child(root, 'itemSet')?.children ?? []) {
      if (node.name === '#text') continue
      if (node.name === 'newsItem') keep(newsItem(node, priority))
      else skipped.push({ reason: `a ${node.name} is not a news item` })
    }
  }
  return { items, skipped }
}
