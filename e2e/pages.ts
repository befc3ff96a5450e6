// The public templates every quality check visits (screenshots, axe, the Nu checker, Lighthouse).
// Each entry is a path on the demo site; add a line here when a new public template appears.
export const MODEL_ARTICLE_PATH = '/2022/02/03/us-department-of-state-expects-russian-response-to-clarify-moscows-position/'

export const PUBLIC_TEMPLATES: { name: string, path: string }[] = [
  { name: 'front-page', path: '/' },
  { name: 'front-page-older', path: '/?before=1700000000000-1' },
  { name: 'day-newsfeed', path: '/newsfeed/2022-02-03/' },
  { name: 'today-newsfeed', path: '/newsfeed/' },
  { name: 'article', path: MODEL_ARTICLE_PATH },
  { name: 'article-comment-notice', path: `${MODEL_ARTICLE_PATH}?comment=pending` },
  { name: 'section', path: '/section/politics/' },
  { name: 'tag', path: '/tag/diplomacy/' },
  { name: 'not-found', path: '/no/such/page/' },
  // The demo credits agencies and bylines, not author accounts, so it has no author page to visit.
  { name: 'search-results', path: '/search?q=Riverton' },
  { name: 'search-empty', path: '/search?q=' },
  { name: 'search-no-results', path: '/search?q=zqxjv' },
  { name: 'front-page-ru', path: '/ru/' },
  { name: 'front-page-hy', path: '/hy/' },
  { name: 'article-ru', path: '/ru/2022/02/03/gosdepartament-ssha-ozhidaet-chto-otvet-rossii-proyasnit-pozitsiyu-moskvy/' }
]
