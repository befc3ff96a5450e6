// Russian strings of the live newsfeed (issue 16; spread into ru.ts).
export const liveRu = {
  'live.closing': 'Сервер перезапускается. Обновления возобновятся через несколько секунд.',
  'live.tooManyFromAddress': 'С вашего адреса открыто слишком много потоков обновлений. Закройте несколько вкладок или попробуйте через минуту.',
  'live.tooManyInTotal': 'Сейчас обновления читает слишком много людей. Попробуйте через минуту; страницы работают и без них.',
  'live.newStories.one': '{count} новая новость — показать',
  'live.newStories.few': '{count} новые новости — показать',
  'live.newStories.many': '{count} новых новостей — показать',
  'live.newStories.other': '{count} новой новости — показать',
  'live.breaking': 'Срочная новость',
  'live.dismiss': 'Закрыть',
}
