// A read-only view of an XML document for the agency formats and feeds, built from sax events (a streaming,
// linear parser) in strict mode. sax never reads a DTD, so a DOCTYPE can neither expand entities nor reach
// outside the document; HTML's named entities (&nbsp; in feeds) are read as characters. Elements are matched
// by local name: agencies mix prefixed and default namespaces for the same elements (STT's xhtml body sits
// in the G2 namespace), and the qualified name stays available where a prefix matters (RSS <title> against
// <media:title>).
import sax from 'sax'
import { WIRE_LIMITS } from './wire-item.js'

export interface XmlNode {
  /** Local name (prefix dropped), '#text' for text and CDATA. */
  name: string
  /** The name as written, prefix included. */
  qname: string
  attributes: Record<string, string>
  children: XmlNode[]
  text: string
}

export type XmlParse = { ok: true, root: XmlNode } | { ok: false, reason: string }

function localName(name: string): string {
  const colon = name.indexOf(':')
  return colon === -1 ? name : name.slice(colon + 1)
}

class TooDeep extends Error {}

export function parseXml(text: string): XmlParse {
  const document: XmlNode = { name: '#document', qname: '#document', attributes: {}, children: [], text: '' }
  const stack: XmlNode[] = [document]
  const parser = sax.parser(true, { trim: false, normalize: false, xmlns: false, position: true })
  let error: string | null = null
  const addText = (value: string) => {
    const parent = stack[stack.length - 1]!
    const last = parent.children[parent.children.length - 1]
    if (last?.name === '#text') last.text += value
    else parent.children.push({ name: '#text', qname: '#text', attributes: {}, children: [], text: value })
  }
  parser.onopentag = (tag) => {
    if (stack.length > WIRE_LIMITS.xmlDepth) throw new TooDeep()
    const attributes: Record<string, string> = {}
    for (const [key, value] of Object.entries(tag.attributes)) {
      attributes[key === 'xml:lang' ? key : localName(key)] = typeof value === 'string' ? value : value.value
    }
    const node: XmlNode = { name: localName(tag.name), qname: tag.name, attributes, children: [], text: '' }
    stack[stack.length - 1]!.children.push(node)
    stack.push(node)
  }
  parser.onclosetag = () => { stack.pop() }
  parser.ontext = addText
  parser.oncdata = addText
  parser.onerror = (e) => {
    error ??= e.message.split('\n')[0]!
    throw e
  }
  try {
    parser.write(text).close()
  } catch (e) {
    if (e instanceof TooDeep) return { ok: false, reason: `the document is nested deeper than ${WIRE_LIMITS.xmlDepth} levels` }
    return { ok: false, reason: `not well-formed XML: ${error ?? (e instanceof Error ? e.message.split('\n')[0] : String(e))}` }
  }
  const root = document.children.find((node) => node.name !== '#text')
  if (!root) return { ok: false, reason: 'the document has no root element' }
  return { ok: true, root }
}

export function child(node: XmlNode | null | undefined, name: string): XmlNode | null {
  return node?.children.find((c) => c.name === name) ?? null
}

export function children(node: XmlNode | null | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((c) => c.name === name) : []
}

/** The first element at the end of a path of local names. */
export function path(node: XmlNode | null | undefined, ...names: string[]): XmlNode | null {
  let current: XmlNode | null = node ?? null
  for (const name of names) current = child(current, name)
  return current
}

/** All text below a node, in document order (iterative: text() must not be the thing that overflows). */
export function textOf(node: XmlNode | null | undefined): string {
  if (!node) return ''
  if (node.name === '#text') return node.text
  let out = ''
  const stack: XmlNode[] = [node]
  while (stack.length) {
    const current = stack.pop()!
    if (current.name === '#text') out += current.text
    else for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]!)
  }
  return out
}

export function attr(node: XmlNode | null | undefined, name: string): string | null {
  const value = node?.attributes[name]
  return value === undefined || value.trim() === '' ? null : value
}
