// Russian strings of section, tag and author pages, feeds and the citation block (spread into ru.ts).
import type { syndicationEn } from './syndication.en.js'

export const syndicationRu: Record<keyof typeof syndicationEn, string> = {
  'listing.tag.heading': 'Тег: {name}',
  'listing.author.heading': 'Материалы автора: {name}',
  'listing.section.description': 'Последние новости раздела «{name}» на {site}, сначала самые свежие.',
  'listing.tag.description': 'Новости с тегом «{name}» на {site}, сначала самые свежие.',
  'listing.author.description': 'Материалы автора {name} на {site}, сначала самые свежие.',
  'listing.empty': 'Здесь пока нет новостей.',
  'listing.notFound.text': 'Такого раздела, тега или автора здесь нет. Возможно, он был переименован.',

  'feeds.follow': 'Подписаться на эту страницу:',
  'feeds.linkTitle': '{title} ({format})',
  'feeds.titleWithSite': '{title} — {site}',
  'feeds.commentsTitle': 'Комментарии к материалу «{headline}»',
  'feeds.commentsDescription': 'Комментарии читателей к материалу «{headline}», сначала самые новые.',
  'feeds.commentTitle': 'Автор: {name}',

  'citation.heading': 'Как сослаться на материал',
  'citation.link': 'Ссылка',
  'citation.html': 'HTML-код для вашей страницы',
  'citation.copy': 'Копировать',
  'citation.copied': 'Скопировано',
  'citation.copyFailed': 'Нажмите Ctrl+C (⌘C на Mac), чтобы скопировать'
}
