// Links to a third party's post or video that a story may embed (issue 17): which provider a link is for,
// its canonical form (https, no tracking parameters) and the address of the provider's player frame.
// Pure and free of Node APIs (the editor's browser bundle imports it too). Every id is checked against a
// strict pattern: the frame address is built from the parts matched here, never from the link as typed,
// so a stored link can only ever open one of the frames listed in EMBED_FRAME_ORIGINS.
import type { EmbedProvider } from './body-schema.js'

export interface RecognisedEmbed {
  provider: EmbedProvider
  /** The link as stored and shown to readers: https, the provider's main host, no tracking parameters. */
  url: string
  /** The provider's player, loaded in a frame only when a reader asks. */
  frameSrc: string
}

/** Longer than any provider's post address; a longer string is not one, whatever it holds. */
export const MAX_EMBED_URL_LENGTH = 2_000

/** The origins the players' frames come from: the CSP's frame-src allows these and nothing else. */
export const EMBED_FRAME_ORIGINS: string[] = [
  'https://www.youtube-nocookie.com',
  'https://player.vimeo.com',
  'https://platform.twitter.com',
  'https://www.facebook.com',
  'https://www.instagram.com',
  'https://t.me'
]

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/
const VIMEO_ID = /^\d{1,12}$/
const X_USER = /^[A-Za-z0-9_]{1,15}$/
const X_STATUS = /^\d{1,20}$/
// Page and profile names: letters, digits and dots (Facebook's rule), hyphens for older pages' vanity names.
const FACEBOOK_PAGE = /^[A-Za-z0-9][A-Za-z0-9.-]{0,79}$/
// Numeric ids, or the "pfbid…" form Facebook has used for post ids since 2022.
const FACEBOOK_ID = /^(?:\d{1,25}|pfbid[A-Za-z0-9]{10,80})$/
const INSTAGRAM_CODE = /^[A-Za-z0-9_-]{5,40}$/
// Telegram usernames: 5–32 letters, digits and underscores, starting with a letter.
const TELEGRAM_CHANNEL = /^[A-Za-z][A-Za-z0-9_]{4,31}$/
const TELEGRAM_POST = /^\d{1,10}$/

/** Facebook paths that look like /<page>/… but are the site's own sections. */
const FACEBOOK_RESERVED = new Set(['watch', 'groups', 'events', 'photo', 'photo.php', 'story.php', 'permalink.php', 'plugins', 'share', 'sharer', 'reel', 'login'])

const found = (provider: EmbedProvider, url: string, frameSrc: string): RecognisedEmbed => ({ provider, url, frameSrc })

function youtube(id: string | undefined): RecognisedEmbed | null {
  if (!id || !YOUTUBE_ID.test(id)) return null
  return found('youtube', `https://www.youtube.com/watch?v=${id}`, `https://www.youtube-nocookie.com/embed/${id}`)
}

function facebook(canonical: string, video: boolean): RecognisedEmbed {
  const plugin = video ? 'video.php' : 'post.php'
  return found('facebook', canonical, `https://www.facebook.com/plugins/${plugin}?href=${encodeURIComponent(canonical)}`)
}

/** The path's segments without empty ones, so a trailing slash reads the same as none. */
const segmentsOf = (path: string): string[] => path.split('/').filter((s) => s !== '')

function recogniseParsed(host: string, segments: string[], query: URLSearchParams): RecognisedEmbed | null {
  const [first, second, third, fourth] = segments
  switch (host) {
    case 'youtube.com': case 'www.youtube.com': case 'm.youtube.com': case 'youtube-nocookie.com': case 'www.youtube-nocookie.com':
      if (first === 'watch' && segments.length === 1) return youtube(query.get('v') ?? undefined)
      if ((first === 'shorts' || first === 'embed' || first === 'live') && segments.length === 2) return youtube(second)
      return null
    case 'youtu.be':
      return segments.length === 1 ? youtube(first) : null
    case 'vimeo.com': case 'www.vimeo.com':
      if (segments.length !== 1 || !VIMEO_ID.test(first!)) return null
      return found('vimeo', `https://vimeo.com/${first}`, `https://player.vimeo.com/video/${first}`)
    case 'player.vimeo.com':
      if (first !== 'video' || segments.length !== 2 || !VIMEO_ID.test(second!)) return null
      return found('vimeo', `https://vimeo.com/${second}`, `https://player.vimeo.com/video/${second}`)
    case 'x.com': case 'www.x.com': case 'mobile.x.com': case 'twitter.com': case 'www.twitter.com': case 'mobile.twitter.com':
      // A post's photo or video (/<user>/status/<id>/photo/1) embeds as the post.
      if (segments.length !== 3 && !(segments.length === 5 && (fourth === 'photo' || fourth === 'video') && /^\d$/.test(segments[4]!))) return null
      if (second !== 'status' || !X_USER.test(first!) || !X_STATUS.test(third!)) return null
      return found('x', `https://x.com/${first}/status/${third}`, `https://platform.twitter.com/embed/Tweet.html?id=${third}`)
    case 'facebook.com': case 'www.facebook.com': case 'm.facebook.com': case 'web.facebook.com': {
      if (first === 'permalink.php' && segments.length === 1) {
        const story = query.get('story_fbid') ?? ''
        const page = query.get('id') ?? ''
        if (!FACEBOOK_ID.test(story) || !/^\d{1,25}$/.test(page)) return null
        return facebook(`https://www.facebook.com/permalink.php?story_fbid=${story}&id=${page}`, false)
      }
      if (!first || FACEBOOK_RESERVED.has(first.toLowerCase()) || !FACEBOOK_PAGE.test(first)) return null
      if (second === 'posts' && segments.length === 3 && FACEBOOK_ID.test(third!)) {
        return facebook(`https://www.facebook.com/${first}/posts/${third}`, false)
      }
      if (second === 'videos') {
        // /<page>/videos/<id>, or with the video's title slug before the id.
        const id = segments.length === 3 ? third : segments.length === 4 ? fourth : undefined
        if (!id || !/^\d{1,25}$/.test(id)) return null
        return facebook(`https://www.facebook.com/${first}/videos/${id}/`, true)
      }
      return null
    }
    case 'instagram.com': case 'www.instagram.com': {
      // /p/<code>/ and /reel/<code>/, also under the account's name (/<account>/p/<code>/).
      const [kind, code] = segments.length === 2 ? [first, second] : segments.length === 3 ? [second, third] : []
      if ((kind !== 'p' && kind !== 'reel') || !code || !INSTAGRAM_CODE.test(code)) return null
      return found('instagram', `https://www.instagram.com/${kind}/${code}/`, `https://www.instagram.com/p/${code}/embed`)
    }
    case 't.me': case 'telegram.me': {
      // t.me/s/<channel>/<n> is the same post in Telegram's web preview.
      const [channel, post] = first === 's' && segments.length === 3 ? [second, third] : segments.length === 2 ? [first, second] : []
      if (!channel || !post || !TELEGRAM_CHANNEL.test(channel) || !TELEGRAM_POST.test(post)) return null
      return found('telegram', `https://t.me/${channel}/${post}`, `https://t.me/${channel}/${post}?embed=1`)
    }
    default:
      return null
  }
}

/**
 * The provider, canonical link and player frame for a link to a post or video, or null when the link is
 * not one the providers' embeds are known for. "youtu.be/…" without a scheme is read as https.
 */
export function recogniseEmbed(url: string): RecognisedEmbed | null {
  if (url.length > MAX_EMBED_URL_LENGTH) return null
  const typed = url.trim()
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(typed) ? typed : `https://${typed}`
  let parsed: URL
  try {
    parsed = new URL(withScheme)
  } catch {
    return null
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null
  // A user name, password or port would make it some other server's address, whatever the host says.
  if (parsed.username || parsed.password || parsed.port) return null
  return recogniseParsed(parsed.hostname, segmentsOf(parsed.pathname), parsed.searchParams)
}

/**
 * The player frame's address for a stored embed, computed again from its link (never stored, so it always
 * follows the rules above); null when the link is no longer recognised as the provider's.
 */
export function embedFrameSrc(provider: string, url: string): string | null {
  const embed = recogniseEmbed(url)
  return embed && embed.provider === provider ? embed.frameSrc : null
}
