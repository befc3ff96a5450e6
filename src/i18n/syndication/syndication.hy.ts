// Armenian strings of section, tag and author pages, feeds and the citation block (spread into hy.ts).
import type { syndicationEn } from './syndication.en.js'

export const syndicationHy: Record<keyof typeof syndicationEn, string> = {
  'listing.tag.heading': 'Պիտակ՝ {name}',
  'listing.author.heading': 'Հեղինակ՝ {name}',
  'listing.section.description': '{site}-ի «{name}» բաժնի վերջին լուրերը՝ սկսած ամենաթարմից։',
  'listing.tag.description': '{site}-ի «{name}» պիտակով լուրերը՝ սկսած ամենաթարմից։',
  'listing.author.description': '{name}-ի նյութերը {site}-ում՝ սկսած ամենաթարմից։',
  'listing.empty': 'Այստեղ դեռ լուրեր չկան։',
  'listing.notFound.text': 'Այդպիսի բաժին, պիտակ կամ հեղինակ այստեղ չկա։ Հնարավոր է՝ այն վերանվանվել է։',

  'feeds.follow': 'Բաժանորդագրվել այս էջին՝',
  'feeds.linkTitle': '{title} ({format})',
  'feeds.titleWithSite': '{title} — {site}',
  'feeds.commentsTitle': 'Մեկնաբանություններ՝ «{headline}»',
  'feeds.commentsDescription': 'Ընթերցողների մեկնաբանությունները «{headline}» նյութի վերաբերյալ՝ սկսած ամենանորից։',
  'feeds.commentTitle': 'Հեղինակ՝ {name}',

  'citation.heading': 'Ինչպես հղում անել նյութին',
  'citation.link': 'Հղում',
  'citation.html': 'HTML կոդ՝ ձեր էջում տեղադրելու համար',
  'citation.copy': 'Պատճենել',
  'citation.copied': 'Պատճենված է',
  'citation.copyFailed': 'Պատճենելու համար սեղմեք Ctrl+C (Mac-ում՝ ⌘C)'
}
