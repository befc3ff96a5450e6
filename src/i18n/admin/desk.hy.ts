// Armenian strings of the editor's desk checks (spread into hy.ts).
import type { deskEn } from './desk.en.js'

export const deskHy: Record<keyof typeof deskEn, string> = {
  'admin.desk.heading': 'Ստուգում հրապարակելուց առաջ',
  'admin.desk.intro': 'Թարմացվում է նախադիտելիս և պահպանելիս, իսկ JavaScript-ով՝ գրելու ընթացքում։ Չհրապարակված հոդվածների հղումները ստուգվում են միայն նախադիտելիս և պահպանելիս։',
  'admin.desk.level.ok': 'Լավ է',
  'admin.desk.level.warning': 'Ուշադրություն',
  'admin.desk.level.problem': 'Խնդիր',
  'admin.desk.length.ok': '{words} բառ, կարդալու համար մոտ {minutes} րոպե։',
  'admin.desk.length.warning': 'Տեքստը դատարկ է։',
  'admin.desk.headline.ok': 'Վերնագիր՝ {length} նիշ. որոնման արդյունքներն ու սոցիալական ցանցերը ցույց են տալիս մոտ {max}։',
  'admin.desk.headline.warning': 'Վերնագիրը {length} նիշ է. որոնման արդյունքներն ու սոցիալական ցանցերը այն կկտրեն մոտ {max}-ից հետո։',
  'admin.desk.headline.problem': 'Վերնագիր դեռ չկա։',
  'admin.desk.lead.ok': 'Լիդը գրված է։',
  'admin.desk.lead.warning': 'Լիդ չկա. որոնման մեջ և սոցիալական ցանցերում դրա փոխարեն կկրկնվի վերնագիրը։',
  'admin.desk.section.ok': 'Բաժինն ընտրված է։',
  'admin.desk.section.warning': 'Բաժին ընտրված չէ։',
  'admin.desk.featuredAlt.ok': 'Գլխավոր պատկերն ունի նկարագրություն (կամ պատկեր չկա)։',
  'admin.desk.featuredAlt.problem': 'Գլխավոր պատկերը նկարագրություն (alt) չունի։',
  'admin.desk.bodyAlt.ok': 'Տեքստի բոլոր պատկերներն ունեն նկարագրություն։',
  'admin.desk.bodyAlt.problem': 'Տեքստում առանց նկարագրության (alt) պատկերներ՝ {count}։',
  'admin.desk.httpLinks.ok': 'Անպաշտպան http: հասցեների հղումներ չկան։',
  'admin.desk.httpLinks.warning': 'Անպաշտպան http: հասցեների հղումներ՝ {count}։ Գրեք https:, եթե կայքն այն ունի։',
  'admin.desk.unpublishedLinks.ok': 'Չհրապարակված հոդվածների հղումներ չկան (վերջին նախադիտման կամ պահպանման պահին)։',
  'admin.desk.unpublishedLinks.problem': 'Հղումներ հոդվածների, որոնք ընթերցողները չեն բացի (չհրապարակված կամ գոյություն չունեցող)՝ {count}։',
  'admin.desk.searchPreview': 'Այսպես է հոդվածը երևում որոնման մեջ',
  'admin.desk.socialPreview': 'Այսպես է երևում քարտը սոցիալական ցանցերում',
  'admin.desk.noImage': 'Գլխավոր պատկեր չկա. քարտը կլինի միայն տեքստով։'
}
