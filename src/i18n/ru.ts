// Russian interface strings. Same keys as en.ts; plural forms follow Intl.PluralRules('ru'):
// one (1, 21, 101), few (2–4, 22–24), many (0, 5–20, 25–30), other (fractions).
import type { Catalog } from './catalog.js'
import { accountsRu } from './admin/accounts.ru.js'
import { syndicationRu } from './syndication/syndication.ru.js'
import { newsroomRu } from './admin/newsroom.ru.js'
import { deskRu } from './admin/desk.ru.js'
import { richEditorRu } from './admin/rich-editor.ru.js'
import { searchRu } from './search/search.ru.js'
import { wireRu } from './admin/wire.ru.js'
import { importRu } from './admin/import.ru.js'
import { liveRu } from './live/live.ru.js'

export const ru: Catalog = {
  // The wire desk.
  ...wireRu,
  // The admin shell, accounts, users, settings, audit log.
  ...accountsRu,
  // Section, tag and author pages, feeds, the citation block.
  ...syndicationRu,
  // Articles, editor, revisions, media, sections and tags, comment moderation.
  ...newsroomRu,
  // The editor's desk checks (issue 17).
  ...deskRu,
  // The rich body editor's toolbar and dialogs (issue 17).
  ...richEditorRu,
  // The live newsfeed.
  ...liveRu,
  // Search and the language switcher.
  ...searchRu,
  // The WordPress import screen (issue 14).
  ...importRu,
  'site.skipToContent': 'Перейти к содержанию',
  'nav.newsfeed': 'Лента новостей',
  'nav.dayNewsfeed': 'Новости дня',
  'nav.primary': 'Основная навигация',

  'newsfeed.title': 'Лента новостей',
  'newsfeed.pinned': 'Закреплено',
  'newsfeed.description': 'Последние новости {site}, сначала самые свежие.',
  'newsfeed.olderNews': 'Более ранние новости',
  'newsfeed.newerNews': 'Последние новости',
  'newsfeed.empty': 'Новостей пока нет.',
  'newsfeed.breaking': 'Срочно',
  'newsfeed.commentCount.one': '{count} комментарий',
  'newsfeed.commentCount.few': '{count} комментария',
  'newsfeed.commentCount.many': '{count} комментариев',
  'newsfeed.commentCount.other': '{count} комментария',
  'newsfeed.pageLabel': 'Страницы ленты',
  'newsfeed.badCursor': 'Эта ссылка на страницу недействительна. Начните с последних новостей.',

  'day.title': 'Новости дня: {date}',
  'day.description': 'Все новости {site} за {date}, сначала самые свежие.',
  'day.heading': 'Новости дня',
  'day.previous': 'Предыдущий день с новостями: {date}',
  'day.next': 'Следующий день с новостями: {date}',
  'day.navLabel': 'Другие дни',
  'day.noNewsToday': 'Сегодня новостей пока нет.',
  'day.latestDay': 'Последние новости: {date}',
  'day.noNewsAtAll': 'Новостей пока нет.',
  'day.today': 'Сегодня, {date}',

  'article.publishedOn': 'Опубликовано',
  'article.section': 'Рубрика',
  'article.tags': 'Теги',
  'article.by': 'Автор: {name}',
  'article.agency': 'Источник: {agency}',
  'article.embedLoad': 'Показать публикацию',
  'article.embedNotice': 'Она загрузится с сайта сервиса, и он узнает о вашем визите.',
  'article.sourceLink': 'Оригинал сообщения',
  'article.breaking': 'Срочно',
  'article.reprintLink': 'Ссылка на материал:',
  'article.newsfeedStrip': 'Лента новостей',
  'article.allNews': 'Все новости',

  'comments.heading.zero': '{count} комментариев',
  'comments.heading.one': '{count} комментарий',
  'comments.heading.few': '{count} комментария',
  'comments.heading.many': '{count} комментариев',
  'comments.heading.other': '{count} комментария',
  'comments.says': 'пишет:',
  'comments.awaitingModeration': 'Спасибо. Ваш комментарий ожидает проверки и появится после одобрения модератором.',
  'comments.closed': 'Комментарии закрыты.',
  'comments.none': 'Комментариев пока нет. Будьте первым.',

  'form.leaveReply': 'Оставить комментарий',
  'form.notes': 'Ваш адрес электронной почты не будет опубликован. Обязательные поля помечены *',
  'form.name': 'Имя',
  'form.email': 'Электронная почта',
  'form.emailNote': 'Ваш адрес электронной почты не будет опубликован.',
  'form.website': 'Сайт',
  'form.comment': 'Комментарий',
  'form.submit': 'Отправить комментарий',
  'form.required': 'Заполните это поле.',
  'form.tooLong': 'Слишком длинно: не более {max} знаков.',
  'form.invalidEmail': 'Введите правильный адрес электронной почты, например name@example.com.',
  'form.invalidUrl': 'Введите правильный веб-адрес, начинающийся с http:// или https://.',
  'form.singleValue': 'Это поле можно отправить только один раз.',
  'form.invalidCharacters': 'Здесь есть символы, которые нельзя сохранить.',
  'form.errorSummary': 'Комментарий не отправлен. Исправьте отмеченные ниже поля.',
  'form.requiredMark': '(обязательно)',
  // Комментарии: ветки, защита от спама и модерация.
  'comments.reply': 'Ответить',
  'comments.replyTo': 'Ответить {name}',
  'comments.cancelReply': 'Отменить ответ',
  'comments.staff': 'Редакция',
  'comments.anonymous': 'Аноним',
  'comments.duplicate.title': 'Повторный комментарий',
  'comments.duplicate': 'Обнаружен дубликат комментария; похоже, вы уже это говорили!',
  'comments.flood.title': 'Не так быстро',
  'comments.flood': 'Вы отправляете комментарии слишком часто. Не торопитесь.',
  'comments.rateLimited': 'Вы отправили много комментариев за короткое время. Попробуйте позже.',
  'comments.replyRefused': 'Комментарий, на который вы отвечаете, не существует, не опубликован или относится к другой статье.',
  'form.saveDetails': 'Сохранить моё имя, email и адрес сайта в этом браузере для последующих моих комментариев.',
  'form.honeypot': 'Оставьте это поле пустым',
  'moderation.invalid.approve': 'Этот комментарий уже одобрен.',
  'moderation.invalid.unapprove': 'Отклонить можно только одобренный комментарий.',
  'moderation.invalid.spam': 'Этот комментарий уже помечен как спам.',
  'moderation.invalid.notSpam': 'Снять отметку «спам» можно только с комментария, помеченного как спам.',
  'moderation.invalid.trash': 'Этот комментарий уже в корзине.',
  'moderation.invalid.restore': 'Восстановить можно только комментарий из корзины.',
  'moderation.invalid.delete': 'Удалить навсегда можно только комментарий из спама или из корзины.',
  'moderation.invalid.replyParent': 'Ответить можно только на одобренный комментарий или ожидающий модерации.',
  'moderation.reason.manual-approval': 'Включено ручное одобрение: каждый комментарий ждёт модератора.',
  'moderation.reason.not-previously-approved': 'Нет ранее одобренных комментариев с этим именем и email.',
  'moderation.reason.too-many-links': 'Содержит ссылок: {detail}.',
  'moderation.reason.moderation-word': 'Совпадает со словом для модерации «{detail}» ({field}).',
  'moderation.reason.no-timing-token': 'Отправлен без проверки времени (JavaScript выключен или проверка не загрузилась).',
  'moderation.reason.stale-timing-token': 'Отправлен через {detail} ч после показа страницы.',
  'moderation.reason.no-user-agent': 'Браузер не представился.',
  'moderation.reason.disallowed-word': 'Совпадает с запрещённым словом «{detail}» ({field}).',
  'moderation.reason.honeypot': 'Заполнено скрытое поле, которого люди не видят.',
  'moderation.reason.too-fast': 'Отправлен через {detail} с после показа страницы.',
  'moderation.reason.forged-timing-token': 'Проверка времени подделана.',
  'moderation.reason.link-density': 'Почти одни ссылки: {detail}% текста.',
  'moderation.reason.bbcode-link': 'Содержит форумные ссылки [url].',
  'moderation.reason.link-in-name': 'Имя содержит веб-адрес.',

  'error.notFound.title': 'Страница не найдена',
  'error.notFound.text': 'Мы не нашли запрошенную страницу. Возможно, она перемещена или в адресе опечатка.',
  'error.gone.title': 'Этой страницы больше нет',
  'error.gone.text': 'Эта страница была на сайте до переезда на новую систему и не была перенесена.',
  'error.badDate.text': 'Такой даты нет. Даты записываются так: 2022-02-03.',
  'error.articleNotFound.text': 'Такого материала нет или он не опубликован.',
  'error.commentsClosed.title': 'Комментарии закрыты',
  'error.commentsClosed.text': 'Комментарии к этому материалу закрыты.',
  'error.badRequest.title': 'Неверный запрос',
  'error.badRequest.text': 'Не удалось разобрать запрос.',
  'error.unsupportedMedia.text': 'Отправьте форму обычным способом.',
  'error.tooLarge.text': 'Отправленные данные слишком велики.',
  'error.tooMany.title': 'Слишком много запросов',
  'error.tooMany.text': 'С вашего адреса пришло больше запросов, чем мы можем сейчас обработать. Подождите минуту и попробуйте снова.',
  'error.busy.title': 'Сайт сейчас очень загружен',
  'error.busy.text': 'Сейчас здесь так много читателей, что мы не можем вам ответить. Попробуйте снова через несколько секунд.',
  'error.server.title': 'Что-то пошло не так',
  'error.server.text': 'У нас что-то пошло не так. Попробуйте ещё раз через минуту.',
  'error.goHome': 'Перейти к ленте новостей',

  'footer.rights': '© {year} {site}. Все права защищены.',
  'footer.poweredBy': 'Сайт работает на Lede.'
}
