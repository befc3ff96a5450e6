// The article body's document model (issue 17): one ProseMirror schema shared by the editor in the
// browser (client/editor, bundled by esbuild) and the server, which validates what the editor sends,
// stores the document as JSON and renders readers' HTML from it at save. The toDOM specs below ARE the
// readers' HTML: the server serialises them to a string (body-document.ts) and the editor's DOMSerializer
// produces the same markup, so a body survives the trip HTML → document → HTML unchanged.
//
// What a body may hold is exactly this list; anything else pasted or typed is dropped on parse.
import { Schema, type DOMOutputSpec, type MarkSpec, type NodeSpec } from 'prosemirror-model'
import { tableNodes } from 'prosemirror-tables'

/** The embed providers a pasted link is recognised for (domain/embeds.ts knows their URLs). */
export const EMBED_PROVIDERS = ['youtube', 'vimeo', 'x', 'facebook', 'instagram', 'telegram'] as const
export type EmbedProvider = typeof EMBED_PROVIDERS[number]

const str = (v: unknown): string => (typeof v === 'string' ? v : '')
const num = (v: string | null): number | null => {
  if (v === null || !/^\d{1,9}$/.test(v)) return null
  return Number(v)
}

const nodes: Record<string, NodeSpec> = {
  doc: { content: 'block+' },

  paragraph: {
    group: 'block',
    content: 'inline*',
    parseDOM: [{ tag: 'p' }],
    toDOM: () => ['p', 0]
  },

  // Body headings are h2 and h3: the headline is the page's only h1, and h4+ read as h3.
  heading: {
    group: 'block',
    content: 'inline*',
    attrs: { level: { default: 2 } },
    defining: true,
    parseDOM: [
      { tag: 'h1', attrs: { level: 2 } }, { tag: 'h2', attrs: { level: 2 } }, { tag: 'h3', attrs: { level: 3 } },
      { tag: 'h4', attrs: { level: 3 } }, { tag: 'h5', attrs: { level: 3 } }, { tag: 'h6', attrs: { level: 3 } }
    ],
    toDOM: (node) => [node.attrs.level === 3 ? 'h3' : 'h2', 0]
  },

  // A pull quote repeats a line of the story in large type; a quote cites someone. Both are <blockquote>.
  pull_quote: {
    group: 'block',
    content: 'paragraph+',
    defining: true,
    parseDOM: [{ tag: 'blockquote.pull-quote', priority: 60 }],
    toDOM: () => ['blockquote', { class: 'pull-quote' }, 0]
  },

  blockquote: {
    group: 'block',
    content: 'block+',
    defining: true,
    parseDOM: [{ tag: 'blockquote' }],
    toDOM: () => ['blockquote', 0]
  },

  bullet_list: {
    group: 'block',
    content: 'list_item+',
    parseDOM: [{ tag: 'ul' }],
    toDOM: () => ['ul', 0]
  },

  ordered_list: {
    group: 'block',
    content: 'list_item+',
    attrs: { order: { default: 1 } },
    parseDOM: [{ tag: 'ol', getAttrs: (dom) => ({ order: num((dom as HTMLElement).getAttribute('start')) ?? 1 }) }],
    toDOM: (node) => (node.attrs.order === 1 ? ['ol', 0] : ['ol', { start: String(node.attrs.order) }, 0])
  },

  list_item: {
    content: 'paragraph block*',
    defining: true,
    parseDOM: [{ tag: 'li' }],
    toDOM: () => ['li', 0]
  },

  horizontal_rule: {
    group: 'block',
    parseDOM: [{ tag: 'hr' }],
    toDOM: () => ['hr']
  },

  code_block: {
    group: 'block',
    content: 'text*',
    marks: '',
    code: true,
    defining: true,
    parseDOM: [{ tag: 'pre', preserveWhitespace: 'full' }],
    toDOM: () => ['pre', ['code', 0]]
  },

  // A picture from the media library: alt text is required (the editor will not insert one without),
  // caption and credit are plain text. src and srcset are the image pipeline's URLs under /media/.
  picture: {
    group: 'block',
    atom: true,
    draggable: true,
    attrs: {
      mediaId: { default: null }, src: { default: '' }, srcset: { default: '' },
      width: { default: null }, height: { default: null },
      alt: { default: '' }, caption: { default: '' }, credit: { default: '' }
    },
    parseDOM: [{
      tag: 'figure.picture',
      priority: 60,
      getAttrs: (dom) => {
        const figure = dom as HTMLElement
        const img = figure.querySelector('img')
        if (!img) return false
        return {
          mediaId: num(figure.getAttribute('data-media-id')),
          src: img.getAttribute('src') ?? '', srcset: img.getAttribute('srcset') ?? '',
          width: num(img.getAttribute('width')), height: num(img.getAttribute('height')),
          alt: img.getAttribute('alt') ?? '',
          caption: figure.querySelector('.caption')?.textContent ?? '',
          credit: figure.querySelector('.credit')?.textContent ?? ''
        }
      }
    }],
    toDOM: (node) => pictureDOM(node.attrs)
  },

  // A third party's post or video. Readers see a placeholder (provider, title, link) and the page loads
  // the provider's frame only when they ask (assets/embeds.js): nothing from outside loads before.
  embed: {
    group: 'block',
    atom: true,
    draggable: true,
    attrs: { provider: { default: 'youtube' }, url: { default: '' }, title: { default: '' } },
    parseDOM: [{
      tag: 'figure.embed',
      priority: 60,
      getAttrs: (dom) => {
        const figure = dom as HTMLElement
        const url = figure.getAttribute('data-embed-url') ?? ''
        const title = figure.querySelector('.embed-title')?.textContent ?? ''
        return {
          provider: figure.getAttribute('data-embed-provider') ?? '',
          url,
          // An untitled embed's link shows its address (embedDOM): that is not a title.
          title: title === url ? '' : title
        }
      }
    }],
    toDOM: (node) => embedDOM(node.attrs)
  },

  // Another Lede story, shown as a link card. Its address and headline are those at the time of saving.
  related_story: {
    group: 'block',
    atom: true,
    draggable: true,
    attrs: { articleId: { default: null }, href: { default: '' }, headline: { default: '' } },
    parseDOM: [{
      tag: 'aside.related-story',
      getAttrs: (dom) => {
        const aside = dom as HTMLElement
        const link = aside.querySelector('a')
        if (!link) return false
        return { articleId: num(aside.getAttribute('data-article-id')), href: link.getAttribute('href') ?? '', headline: link.textContent ?? '' }
      }
    }],
    toDOM: (node) => ['aside', { class: 'related-story', 'data-article-id': String(node.attrs.articleId ?? '') }, ['a', { href: str(node.attrs.href) }, str(node.attrs.headline)]]
  },

  ...tableNodes({ tableGroup: 'block', cellContent: 'inline*', cellAttributes: {} }),

  text: { group: 'inline' },

  hard_break: {
    inline: true,
    group: 'inline',
    selectable: false,
    parseDOM: [{ tag: 'br' }],
    toDOM: () => ['br']
  }
}

export function pictureDOM(attrs: Record<string, unknown>): DOMOutputSpec {
  const img: Record<string, string> = { src: str(attrs.src), alt: str(attrs.alt) }
  if (str(attrs.srcset)) { img.srcset = str(attrs.srcset); img.sizes = '(min-width: 60rem) 40rem, 100vw' }
  if (typeof attrs.width === 'number') img.width = String(attrs.width)
  if (typeof attrs.height === 'number') img.height = String(attrs.height)
  img.loading = 'lazy'
  img.decoding = 'async'
  const figureAttrs: Record<string, string> = { class: 'picture' }
  if (typeof attrs.mediaId === 'number') figureAttrs['data-media-id'] = String(attrs.mediaId)
  const caption = str(attrs.caption)
  const credit = str(attrs.credit)
  if (!caption && !credit) return ['figure', figureAttrs, ['img', img]]
  const parts: unknown[] = []
  if (caption) parts.push(['span', { class: 'caption' }, caption])
  if (caption && credit) parts.push(' ')
  if (credit) parts.push(['span', { class: 'credit' }, credit])
  return ['figure', figureAttrs, ['img', img], ['figcaption', ...parts] as unknown as DOMOutputSpec]
}

const PROVIDER_NAMES: Record<string, string> = {
  youtube: 'YouTube', vimeo: 'Vimeo', x: 'X', facebook: 'Facebook', instagram: 'Instagram', telegram: 'Telegram'
}

export function embedDOM(attrs: Record<string, unknown>): DOMOutputSpec {
  const provider = str(attrs.provider)
  const url = str(attrs.url)
  const title = str(attrs.title)
  return ['figure', { class: 'embed', 'data-embed-provider': provider, 'data-embed-url': url },
    ['p', { class: 'embed-provider' }, PROVIDER_NAMES[provider] ?? provider],
    ['p', ['a', { class: 'embed-title', href: url }, title || url]]]
}

const marks: Record<string, MarkSpec> = {
  link: {
    attrs: { href: {}, title: { default: null } },
    inclusive: false,
    parseDOM: [{
      tag: 'a[href]',
      getAttrs: (dom) => ({ href: (dom as HTMLElement).getAttribute('href'), title: (dom as HTMLElement).getAttribute('title') })
    }],
    toDOM: (mark) => ['a', mark.attrs.title ? { href: str(mark.attrs.href), title: str(mark.attrs.title) } : { href: str(mark.attrs.href) }, 0]
  },
  em: {
    parseDOM: [{ tag: 'i' }, { tag: 'em' }, { style: 'font-style=italic' }],
    toDOM: () => ['em', 0]
  },
  strong: {
    parseDOM: [
      { tag: 'strong' },
      // Google Docs wraps whole pastes in <b style="font-weight:normal">: not bold.
      { tag: 'b', getAttrs: (dom) => (dom as HTMLElement).style?.fontWeight !== 'normal' && null },
      { style: 'font-weight=400', clearMark: (m) => m.type.name === 'strong' },
      { style: 'font-weight', getAttrs: (value) => /^(bold(er)?|[5-9]\d{2,})$/.test(value as string) && null }
    ],
    toDOM: () => ['strong', 0]
  },
  code: { parseDOM: [{ tag: 'code' }], toDOM: () => ['code', 0] },
  del: { parseDOM: [{ tag: 'del' }, { tag: 's' }, { tag: 'strike' }], toDOM: () => ['del', 0] },
  sup: { excludes: 'sub', parseDOM: [{ tag: 'sup' }], toDOM: () => ['sup', 0] },
  sub: { excludes: 'sup', parseDOM: [{ tag: 'sub' }], toDOM: () => ['sub', 0] }
}

export const bodySchema = new Schema({ nodes, marks })
