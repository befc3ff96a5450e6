// English strings of section, tag and author pages, feeds and the citation block (spread into en.ts).
export const syndicationEn = {
  'listing.tag.heading': 'Tag: {name}',
  'listing.author.heading': 'News by {name}',
  'listing.section.description': 'The latest news in {name} from {site}, newest first.',
  'listing.tag.description': 'News tagged “{name}” from {site}, newest first.',
  'listing.author.description': 'News by {name} on {site}, newest first.',
  'listing.empty': 'There is no news here yet.',
  'listing.notFound.text': 'There is no such section, tag or author here. It may have been renamed.',

  'feeds.follow': 'Follow this page:',
  'feeds.linkTitle': '{title} ({format})',
  'feeds.titleWithSite': '{title} — {site}',
  'feeds.commentsTitle': 'Comments on: {headline}',
  'feeds.commentsDescription': 'Reader comments on “{headline}”, newest first.',
  'feeds.commentTitle': 'By: {name}',

  'citation.heading': 'Cite this article',
  'citation.link': 'Link',
  'citation.html': 'HTML to paste into your page',
  'citation.copy': 'Copy',
  'citation.copied': 'Copied',
  'citation.copyFailed': 'Press Ctrl+C (⌘C on a Mac) to copy'
} as const
