// NewsML 1.x (AFP still sends it): NewsItem → NewsComponent → ContentItem/DataContent.
import type { WireItem, WireRefusal } from './wire-item.js'
import { attr, child, children, path, textOf, type XmlNode } from './xml-tree.js'
import { looseBody, xmlBodyHtml } from './body-html.js'
import { finishItem, isRefusal } from './item-rules.js'
import { cleanText, parseVersion, parseWireDate } from './wire-text.js'

const text = (node: XmlNode | null | undefined) => cleanText(textOf(node))

/** The first DataContent of a text ContentItem, however deep the components nest (bounded by the tree depth). */
function dataContent(component: XmlNode | null): XmlNode | null {
  if (!component) return null
  for (const item of children(component, 'ContentItem')) {
    const data = child(item, 'DataContent')
    if (data) return data
  }
  for (const inner of children(component, 'NewsComponent')) {
    const found = dataContent(inner)
    if (found) return found
  }
  return null
}

function newsItem(node: XmlNode): WireItem | WireRefusal {
  const identifier = path(node, 'Identification', 'NewsIdentifier')
  const management = child(node, 'NewsManagement')
  const component = child(node, 'NewsComponent')
  const lines = child(component, 'NewsLines')
  const provider = text(child(identifier, 'ProviderId'))
  const dateId = text(child(identifier, 'DateId'))
  const itemId = text(child(identifier, 'NewsItemId'))
  const data = dataContent(component)
  const hasMarkup = data?.children.some((c) => c.name !== '#text') ?? false
  return finishItem({
    format: 'newsml-1',
    // The PublicIdentifier ends with the revision; the item's own id is everything before it.
    agencyId: provider && itemId ? `urn:newsml:${provider}:${dateId ?? ''}:${itemId}` : text(child(identifier, 'PublicIdentifier')),
    version: parseVersion(textOf(child(identifier, 'RevisionId'))),
    headline: text(child(lines, 'HeadLine')),
    slugline: text(child(lines, 'SlugLine')) ?? text(path(node, 'Identification', 'NameLabel')),
    lead: null,
    bodyHtml: data ? (hasMarkup ? xmlBodyHtml(data.children) : looseBody(textOf(data))) : '',
    byline: text(child(lines, 'ByLine')),
    agency: attr(path(component, 'AdministrativeMetadata', 'Provider', 'Party'), 'FormalName') ?? provider,
    credit: text(child(lines, 'CreditLine')) ?? text(child(lines, 'CopyrightLine')),
    language: attr(path(component, 'DescriptiveMetadata', 'Language'), 'FormalName'),
    urgency: null,
    subjects: [],
    dateline: text(child(lines, 'DateLine')),
    firstCreated: parseWireDate(textOf(child(management, 'FirstCreated'))),
    versionCreated: parseWireDate(textOf(child(management, 'ThisRevisionCreated'))),
    embargoUntil: null,
    url: null,
    links: []
  })
}

export function parseNewsMl1(root: XmlNode): { items: WireItem[], skipped: WireRefusal[] } {
  const items: WireItem[] = []
  const skipped: WireRefusal[] = []
  for (const node of children(root, 'NewsItem')) {
    const result = newsItem(node)
    if (isRefusal(result)) skipped.push(result)
    else items.push(result)
  }
  return { items, skipped }
}
