// Bytes → text for agency documents and feeds. Wire copy arrives in every encoding (gb2312, latin2,
// windows-1251), and declarations lie: AFP's NewsML says iso-8859-1 over UTF-8 bytes.

export type Decoded = { ok: true, text: string, encoding: string } | { ok: false, reason: string }

// Only the head of a document can hold the XML declaration.
const XML_DECLARATION = /^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']/
// Declarations that are routinely written over UTF-8 bytes by tools that never re-encode.
const SINGLE_BYTE_WESTERN = new Set(['iso-8859-1', 'windows-1252', 'us-ascii', 'ascii', 'latin1', 'iso-8859-15'])

function bom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  return null
}

function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label, { fatal: false })
  } catch {
    return null
  }
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true
  return false
}

/**
 * Decodes a document: a byte order mark wins, then the charset the server sent, then the XML declaration,
 * then UTF-8. A label that the bytes contradict gives way to the next: UTF-8 claimed over bytes that are not
 * UTF-8, or a western single-byte label over bytes that are valid UTF-8 with non-ASCII in them (real latin-1
 * text is almost never valid UTF-8, and reading UTF-8 as latin-1 gives "DÃ©cÃ¨s"). Bytes that fit no label
 * are read as windows-1252, which maps every byte, so no text is lost.
 */
export function decodeDocument(bytes: Uint8Array, httpCharset?: string | null): Decoded {
  const fromBom = bom(bytes)
  if (fromBom) return { ok: true, text: decoderFor(fromBom)!.decode(bytes.subarray(fromBom === 'utf-8' ? 3 : 2)), encoding: fromBom }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 300))
  const labels = [httpCharset?.trim(), XML_DECLARATION.exec(head)?.[1], 'utf-8']
    .filter((label): label is string => !!label).map((label) => label.toLowerCase())
  const utf8 = isValidUtf8(bytes)
  const highBytes = hasHighBytes(bytes)
  for (const label of labels) {
    const decoder = decoderFor(label)
    if (!decoder) return { ok: false, reason: `unknown character encoding "${label}"` }
    const encoding = decoder.encoding
    if (encoding === 'utf-8' && !utf8) continue
    if (highBytes && utf8 && (SINGLE_BYTE_WESTERN.has(label) || SINGLE_BYTE_WESTERN.has(encoding))) continue
    return { ok: true, text: decoder.decode(bytes), encoding }
  }
  if (utf8) return { ok: true, text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' }
  return { ok: true, text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' }
}

/** The charset parameter of a Content-Type header, or null. */
export function charsetOf(contentType: string | null | undefined): string | null {
  const match = /;\s*charset\s*=\s*"?([A-Za-z0-9._:-]{1,40})"?/i.exec(contentType ?? '')
  return match ? match[1]! : null
}
