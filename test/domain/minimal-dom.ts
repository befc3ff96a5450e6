// A DOM just large enough for ProseMirror's own DOMSerializer and DOMParser to run in Node, built from
// htmlparser2's tree. body-document.ts does their work without a DOM; the tests run the real ones over
// the same documents and HTML through this, and compare. Test support only: no selector engine beyond
// what the body schema's rules use (tag, tag.class, tag[attribute], .class).
import { parseDocument } from 'htmlparser2'
import type { ChildNode } from 'domhandler'

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'])

abstract class MiniNode {
  parentNode: MiniParent | null = null
  abstract readonly nodeType: number
  abstract readonly nodeName: string
  get ownerDocument(): typeof miniDocument { return miniDocument }
  get nextSibling(): MiniNode | null {
    const siblings = this.parentNode?.childNodes
    return siblings ? siblings[siblings.indexOf(this) + 1] ?? null : null
  }

  get previousSibling(): MiniNode | null {
    const siblings = this.parentNode?.childNodes
    return siblings ? siblings[siblings.indexOf(this) - 1] ?? null : null
  }
}

class MiniText extends MiniNode {
  readonly nodeType = 3
  readonly nodeName = '#text'
  constructor(public nodeValue: string) { super() }
  get textContent(): string { return this.nodeValue }
}

abstract class MiniParent extends MiniNode {
  childNodes: MiniNode[] = []
  get firstChild(): MiniNode | null { return this.childNodes[0] ?? null }
  get lastChild(): MiniNode | null { return this.childNodes[this.childNodes.length - 1] ?? null }
  appendChild<T extends MiniNode>(child: T): T {
    if (child instanceof MiniFragment) {
      for (const moved of [...child.childNodes]) this.appendChild(moved)
      return child
    }
    if (child.parentNode) child.parentNode.removeChild(child)
    child.parentNode = this
    this.childNodes.push(child)
    return child
  }

  removeChild<T extends MiniNode>(child: T): T {
    this.childNodes.splice(this.childNodes.indexOf(child), 1)
    child.parentNode = null
    return child
  }

  get textContent(): string {
    return this.childNodes.map((c) => (c instanceof MiniParent || c instanceof MiniText ? c.textContent : '')).join('')
  }

  contains(node: MiniNode | null): boolean {
    for (let n = node; n; n = n.parentNode) if (n === this) return true
    return false
  }

  querySelector(selector: string): MiniElement | null {
    for (const child of this.childNodes) {
      if (!(child instanceof MiniElement)) continue
      if (child.matches(selector)) return child
      const found = child.querySelector(selector)
      if (found) return found
    }
    return null
  }
}

class MiniFragment extends MiniParent {
  readonly nodeType = 11
  readonly nodeName = '#document-fragment'
}

interface MiniStyle { length: number, getPropertyValue(name: string): string, [property: string]: unknown }

class MiniElement extends MiniParent {
  readonly nodeType = 1
  readonly namespaceURI = 'http://www.w3.org/1999/xhtml'
  readonly attributes = new Map<string, string>()
  constructor(readonly localName: string) { super() }
  get nodeName(): string { return this.localName.toUpperCase() }
  get tagName(): string { return this.nodeName }
  getAttribute(name: string): string | null { return this.attributes.get(name.toLowerCase()) ?? null }
  hasAttribute(name: string): boolean { return this.attributes.has(name.toLowerCase()) }
  setAttribute(name: string, value: unknown): void { this.attributes.set(name.toLowerCase(), String(value)) }

  /** CSSOM's view of the style attribute, enough for DOMParser's style rules and the b rule's fontWeight. */
  get style(): MiniStyle {
    const declarations = new Map<string, string>()
    for (const part of (this.getAttribute('style') ?? '').split(';')) {
      const colon = part.indexOf(':')
      if (colon < 0) continue
      const property = part.slice(0, colon).trim().toLowerCase()
      const value = part.slice(colon + 1).replace(/!\s*important\s*$/i, '').trim().toLowerCase()
      if (property && value) declarations.set(property, value)
    }
    const style: MiniStyle = { length: declarations.size, getPropertyValue: (name) => declarations.get(name) ?? '' }
    for (const [property, value] of declarations) style[property.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = value
    return style
  }

  matches(selector: string): boolean {
    const m = /^([a-z0-9]*)((?:\.[\w-]+)*)(?:\[([\w-]+)\])?$/.exec(selector)
    if (!m) throw new Error(`minimal-dom cannot match ${selector}`)
    const [, tag, classes, attribute] = m
    if (tag && tag !== this.localName) return false
    const own = (this.getAttribute('class') ?? '').split(/\s+/)
    if (classes && !classes.split('.').filter(Boolean).every((c) => own.includes(c))) return false
    return !attribute || this.hasAttribute(attribute)
  }
}

export const miniDocument = {
  createElement: (name: string) => new MiniElement(name.toLowerCase()),
  createElementNS: (_ns: string, name: string) => new MiniElement(name.toLowerCase()),
  createTextNode: (text: string) => new MiniText(text),
  createDocumentFragment: () => new MiniFragment()
}

function convert(node: ChildNode, parent: MiniParent): void {
  if (node.type === 'text') {
    parent.appendChild(new MiniText(node.data))
  } else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
    const el = new MiniElement(node.name)
    for (const [name, value] of Object.entries(node.attribs)) el.setAttribute(name, value)
    parent.appendChild(el)
    node.children.forEach((child, i) => {
      // A browser's parser drops the line break that follows <pre>.
      if (i === 0 && node.name === 'pre' && child.type === 'text' && child.data.startsWith('\n')) {
        if (child.data.length > 1) el.appendChild(new MiniText(child.data.slice(1)))
        return
      }
      convert(child, el)
    })
  }
}

/** HTML as a browser's body element would hold it (near enough for well-formed HTML). */
export function miniBody(html: string): MiniElement {
  const body = new MiniElement('body')
  for (const child of parseDocument(html.replace(/\r\n?/g, '\n')).children) convert(child, body)
  return body
}

const escapeText = (text: string) => text.replace(/[&<>\u00A0]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '\u00A0': '&nbsp;' })[c]!)
const escapeAttribute = (text: string) => text.replace(/[&<>"\u00A0]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\u00A0': '&nbsp;' })[c]!)

/** innerHTML: the HTML standard's fragment serialisation. */
export function innerHtml(parent: { childNodes: unknown[] }): string {
  let html = ''
  for (const child of parent.childNodes) {
    if (child instanceof MiniText) html += escapeText(child.nodeValue)
    else if (child instanceof MiniElement) {
      html += `<${child.localName}`
      for (const [name, value] of child.attributes) html += ` ${name}="${escapeAttribute(value)}"`
      html += '>'
      if (!VOID_ELEMENTS.has(child.localName)) html += `${innerHtml(child)}</${child.localName}>`
    }
  }
  return html
}
