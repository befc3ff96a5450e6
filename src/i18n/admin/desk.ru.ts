// Russian strings of the editor's desk checks (spread into ru.ts).
import type { deskEn } from './desk.en.js'

export const deskRu: Record<keyof typeof deskEn, string> = {
  'admin.desk.heading': 'Проверка перед публикацией',
  'admin.desk.intro': 'Обновляется при предпросмотре и сохранении, а с JavaScript — по мере набора. Ссылки на неопубликованные статьи проверяются только при предпросмотре и сохранении.',
  'admin.desk.level.ok': 'Хорошо',
  'admin.desk.level.warning': 'Внимание',
  'admin.desk.level.problem': 'Ошибка',
  'admin.desk.length.ok': 'Слов: {words}, читать около {minutes} мин.',
  'admin.desk.length.warning': 'Текст пуст.',
  'admin.desk.headline.ok': 'Заголовок: {length} знаков; поисковики и соцсети показывают около {max}.',
  'admin.desk.headline.warning': 'В заголовке {length} знаков: поисковики и соцсети обрежут его примерно после {max}.',
  'admin.desk.headline.problem': 'Заголовка пока нет.',
  'admin.desk.lead.ok': 'Лид написан.',
  'admin.desk.lead.warning': 'Нет лида: в поиске и в соцсетях вместо него повторится заголовок.',
  'admin.desk.section.ok': 'Рубрика выбрана.',
  'admin.desk.section.warning': 'Рубрика не выбрана.',
  'admin.desk.featuredAlt.ok': 'У главного изображения есть описание (или изображения нет).',
  'admin.desk.featuredAlt.problem': 'У главного изображения нет описания (alt).',
  'admin.desk.bodyAlt.ok': 'У всех изображений в тексте есть описание.',
  'admin.desk.bodyAlt.problem': 'Изображений в тексте без описания (alt): {count}.',
  'admin.desk.httpLinks.ok': 'Нет ссылок на незащищённые адреса http:.',
  'admin.desk.httpLinks.warning': 'Ссылок на незащищённые адреса http:: {count}. Укажите https:, если сайт его поддерживает.',
  'admin.desk.unpublishedLinks.ok': 'Нет ссылок на неопубликованные статьи (на момент последнего предпросмотра или сохранения).',
  'admin.desk.unpublishedLinks.problem': 'Ссылок на статьи, которые читатели не откроют (не опубликованы или не существуют): {count}.',
  'admin.desk.searchPreview': 'Так статья выглядит в поиске',
  'admin.desk.socialPreview': 'Так выглядит карточка в соцсетях',
  'admin.desk.noImage': 'Нет главного изображения: карточка будет только с текстом.'
}
