// Armenian interface strings. Same keys as en.ts; plural forms follow Intl.PluralRules('hy'): one (0, 1
// and fractions below 2) and other. Armenian keeps the noun singular after a numeral ("5 մեկնաբանություն").
import type { Catalog } from './catalog.js'
import { accountsHy } from './admin/accounts.hy.js'
import { syndicationHy } from './syndication/syndication.hy.js'
import { newsroomHy } from './admin/newsroom.hy.js'
import { deskHy } from './admin/desk.hy.js'
import { richEditorHy } from './admin/rich-editor.hy.js'
import { searchHy } from './search/search.hy.js'
import { wireHy } from './admin/wire.hy.js'
import { importHy } from './admin/import.hy.js'
import { liveHy } from './live/live.hy.js'

export const hy: Catalog = {
  // The wire desk.
  ...wireHy,
  // The admin shell, accounts, users, settings, audit log.
  ...accountsHy,
  // Section, tag and author pages, feeds, the citation block.
  ...syndicationHy,
  // Articles, editor, revisions, media, sections and tags, comment moderation.
  ...newsroomHy,
  // The editor's desk checks (issue 17).
  ...deskHy,
  // The rich body editor's toolbar and dialogs (issue 17).
  ...richEditorHy,
  // The live newsfeed.
  ...liveHy,
  // Search and the language switcher.
  ...searchHy,
  // The WordPress import screen (issue 14).
  ...importHy,
  'site.skipToContent': 'Անցնել բովանդակությանը',
  'nav.newsfeed': 'Լրահոս',
  'nav.dayNewsfeed': 'Օրվա լրահոս',
  'nav.primary': 'Հիմնական նավարկում',

  'newsfeed.title': 'Լրահոս',
  'newsfeed.pinned': 'Ամրացված',
  'newsfeed.description': '{site}-ի վերջին լուրերը՝ սկսած ամենաթարմից։',
  'newsfeed.olderNews': 'Ավելի վաղ լուրեր',
  'newsfeed.newerNews': 'Վերջին լուրեր',
  'newsfeed.empty': 'Լուրեր դեռ չեն հրապարակվել։',
  'newsfeed.breaking': 'Շտապ',
  'newsfeed.commentCount.one': '{count} մեկնաբանություն',
  'newsfeed.commentCount.other': '{count} մեկնաբանություն',
  'newsfeed.pageLabel': 'Լրահոսի էջեր',
  'newsfeed.badCursor': 'Էջի այս հղումն անվավեր է։ Սկսեք վերջին լուրերից։',

  'day.title': 'Օրվա լրահոս՝ {date}',
  'day.description': '{site}-ի բոլոր լուրերը՝ {date}, սկսած ամենաթարմից։',
  'day.heading': 'Օրվա լրահոս',
  'day.previous': 'Լուրերով նախորդ օրը՝ {date}',
  'day.next': 'Լուրերով հաջորդ օրը՝ {date}',
  'day.navLabel': 'Այլ օրեր',
  'day.noNewsToday': 'Այսօր դեռ լուրեր չկան։',
  'day.latestDay': 'Վերջին լուրերը՝ {date}',
  'day.noNewsAtAll': 'Լուրեր դեռ չեն հրապարակվել։',
  'day.today': 'Այսօր՝ {date}',

  'article.publishedOn': 'Հրապարակված է',
  'article.section': 'Բաժին',
  'article.tags': 'Պիտակներ',
  'article.by': 'Հեղինակ՝ {name}',
  'article.agency': 'Աղբյուր՝ {agency}',
  'article.embedLoad': 'Ցույց տալ հրապարակումը',
  'article.embedNotice': 'Այն կբեռնվի ծառայության կայքից, որը կիմանա ձեր այցի մասին։',
  'article.sourceLink': 'Բնօրինակ հաղորդագրությունը',
  'article.breaking': 'Շտապ',
  'article.reprintLink': 'Հղում նյութին՝',
  'article.newsfeedStrip': 'Լրահոս',
  'article.allNews': 'Բոլոր լուրերը',

  'comments.heading.zero': 'Մեկնաբանություններ (0)',
  'comments.heading.one': 'Մեկնաբանություններ ({count})',
  'comments.heading.other': 'Մեկնաբանություններ ({count})',
  'comments.says': 'գրում է՝',
  'comments.awaitingModeration': 'Շնորհակալություն։ Ձեր մեկնաբանությունը սպասում է մոդերացիայի և կհայտնվի հաստատվելուց հետո։',
  'comments.closed': 'Մեկնաբանությունները փակ են։',
  'comments.none': 'Մեկնաբանություններ դեռ չկան։ Եղեք առաջինը։',

  'form.leaveReply': 'Թողնել մեկնաբանություն',
  'form.notes': 'Ձեր էլ. փոստի հասցեն չի հրապարակվի։ Պարտադիր դաշտերը նշված են *-ով',
  'form.name': 'Անուն',
  'form.email': 'Էլ. փոստ',
  'form.emailNote': 'Ձեր էլ. փոստի հասցեն չի հրապարակվի։',
  'form.website': 'Կայք',
  'form.comment': 'Մեկնաբանություն',
  'form.submit': 'Ուղարկել մեկնաբանությունը',
  'form.required': 'Լրացրեք այս դաշտը։',
  'form.tooLong': 'Չափազանց երկար է․ առավելագույնը {max} նիշ։',
  'form.invalidEmail': 'Մուտքագրեք վավեր էլ. փոստի հասցե, օրինակ՝ name@example.com։',
  'form.invalidUrl': 'Մուտքագրեք վավեր վեբ հասցե, որը սկսվում է http:// կամ https://-ով։',
  'form.singleValue': 'Այս դաշտը կարելի է ուղարկել միայն մեկ անգամ։',
  'form.invalidCharacters': 'Այստեղ կան նիշեր, որոնք հնարավոր չէ պահպանել։',
  'form.errorSummary': 'Մեկնաբանությունը չի ուղարկվել։ Ուղղեք ստորև նշված դաշտերը։',
  'form.requiredMark': '(պարտադիր)',
  // Մեկնաբանություններ․ թելեր, սպամից պաշտպանություն և մոդերացիա։
  'comments.reply': 'Պատասխանել',
  'comments.replyTo': 'Պատասխանել {name}-ին',
  'comments.cancelReply': 'Չեղարկել պատասխանը',
  'comments.staff': 'Խմբագրություն',
  'comments.anonymous': 'Անանուն',
  'comments.duplicate.title': 'Կրկնվող մեկնաբանություն',
  'comments.duplicate': 'Հայտնաբերվել է կրկնվող մեկնաբանություն․ կարծես դուք արդեն ասել եք դա։',
  'comments.flood.title': 'Ավելի դանդաղ',
  'comments.flood': 'Դուք չափազանց արագ եք մեկնաբանություններ ուղարկում։ Մի շտապեք։',
  'comments.rateLimited': 'Կարճ ժամանակում շատ մեկնաբանություններ եք ուղարկել։ Փորձեք ավելի ուշ։',
  'comments.replyRefused': 'Մեկնաբանությունը, որին պատասխանում եք, գոյություն չունի, հրապարակված չէ կամ պատկանում է այլ հոդվածի։',
  'form.saveDetails': 'Պահպանել իմ անունը, էլ. փոստը և կայքը այս դիտարկիչում հաջորդ մեկնաբանությունների համար։',
  'form.honeypot': 'Թողեք այս դաշտը դատարկ',
  'moderation.invalid.approve': 'Այս մեկնաբանությունն արդեն հաստատված է։',
  'moderation.invalid.unapprove': 'Հաստատումը կարելի է հանել միայն հաստատված մեկնաբանությունից։',
  'moderation.invalid.spam': 'Այս մեկնաբանությունն արդեն նշված է որպես սպամ։',
  'moderation.invalid.notSpam': '«Սպամ չէ» կարելի է նշել միայն սպամ նշված մեկնաբանությունը։',
  'moderation.invalid.trash': 'Այս մեկնաբանությունն արդեն աղբարկղում է։',
  'moderation.invalid.restore': 'Վերականգնել կարելի է միայն աղբարկղի մեկնաբանությունը։',
  'moderation.invalid.delete': 'Ընդմիշտ ջնջել կարելի է միայն սպամի կամ աղբարկղի մեկնաբանությունը։',
  'moderation.invalid.replyParent': 'Կարելի է պատասխանել միայն հաստատված կամ մոդերացիայի սպասող մեկնաբանությանը։',
  'moderation.reason.manual-approval': 'Միացված է ձեռքով հաստատումը․ յուրաքանչյուր մեկնաբանություն սպասում է մոդերատորին։',
  'moderation.reason.not-previously-approved': 'Այս անունով և էլ. փոստով նախկինում հաստատված մեկնաբանություն չկա։',
  'moderation.reason.too-many-links': 'Պարունակում է {detail} հղում։',
  'moderation.reason.moderation-word': 'Համընկնում է մոդերացիայի «{detail}» բառի հետ ({field})։',
  'moderation.reason.no-timing-token': 'Ուղարկվել է առանց ժամանակի ստուգման (JavaScript-ն անջատված է կամ ստուգումը չի բեռնվել)։',
  'moderation.reason.stale-timing-token': 'Ուղարկվել է էջը ցուցադրելուց {detail} ժամ անց։',
  'moderation.reason.no-user-agent': 'Դիտարկիչը չի ներկայացել։',
  'moderation.reason.disallowed-word': 'Համընկնում է արգելված «{detail}» բառի հետ ({field})։',
  'moderation.reason.honeypot': 'Լրացված է թաքնված դաշտը, որը մարդիկ չեն տեսնում։',
  'moderation.reason.too-fast': 'Ուղարկվել է էջը ցուցադրելուց {detail} վայրկյան անց։',
  'moderation.reason.forged-timing-token': 'Ժամանակի ստուգումը կեղծված է։',
  'moderation.reason.link-density': 'Գրեթե միայն հղումներ՝ տեքստի {detail}%-ը։',
  'moderation.reason.bbcode-link': 'Պարունակում է ֆորումային [url] հղումներ։',
  'moderation.reason.link-in-name': 'Անունը պարունակում է վեբ հասցե։',

  'error.notFound.title': 'Էջը չի գտնվել',
  'error.notFound.text': 'Չհաջողվեց գտնել ձեր փնտրած էջը։ Հնարավոր է՝ այն տեղափոխվել է, կամ հասցեում վրիպակ կա։',
  'error.gone.title': 'Այս էջն այլևս չկա',
  'error.gone.text': 'Այս էջը կայքում էր մինչև նոր համակարգին անցնելը և չի տեղափոխվել։',
  'error.badDate.text': 'Այդպիսի ամսաթիվ չկա։ Ամսաթվերը գրվում են այսպես՝ 2022-02-03։',
  'error.articleNotFound.text': 'Այս նյութը գոյություն չունի կամ հրապարակված չէ։',
  'error.commentsClosed.title': 'Մեկնաբանությունները փակ են',
  'error.commentsClosed.text': 'Այս նյութի մեկնաբանությունները փակ են։',
  'error.badRequest.title': 'Սխալ հարցում',
  'error.badRequest.text': 'Հարցումը հնարավոր չեղավ հասկանալ։',
  'error.unsupportedMedia.text': 'Ուղարկեք ձևը սովորական եղանակով։',
  'error.tooLarge.text': 'Ձեր ուղարկածը չափազանց մեծ է։',
  'error.tooMany.title': 'Չափազանց շատ հարցումներ',
  'error.tooMany.text': 'Ձեր հասցեից եկել են ավելի շատ հարցումներ, քան մենք հիմա կարող ենք պատասխանել։ Սպասեք մեկ րոպե և փորձեք կրկին։',
  'error.busy.title': 'Կայքը հիմա շատ ծանրաբեռնված է',
  'error.busy.text': 'Այս պահին այստեղ այնքան շատ ընթերցողներ կան, որ չենք կարող ձեզ պատասխանել։ Փորձեք կրկին մի քանի վայրկյանից։',
  'error.server.title': 'Ինչ-որ բան այն չէ',
  'error.server.text': 'Մեր կողմում ինչ-որ բան այն չէ։ Փորձեք կրկին մի քանի րոպեից։',
  'error.goHome': 'Անցնել լրահոսին',

  'footer.rights': '© {year} {site}։ Բոլոր իրավունքները պաշտպանված են։',
  'footer.poweredBy': 'Կայքը գործում է Lede-ով։'
}
