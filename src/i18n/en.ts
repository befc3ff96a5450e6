// English interface strings. Every language file has exactly these keys.
// "{name}" placeholders are filled by t(); plural forms are keyed by Intl.PluralRules categories.
import { accountsEn } from './admin/accounts.en.js'
import { syndicationEn } from './syndication/syndication.en.js'
import { newsroomEn } from './admin/newsroom.en.js'
import { deskEn } from './admin/desk.en.js'
import { richEditorEn } from './admin/rich-editor.en.js'
import { searchEn } from './search/search.en.js'
import { wireEn } from './admin/wire.en.js'
import { importEn } from './admin/import.en.js'
import { liveEn } from './live/live.en.js'

export const en = {
  // The wire desk.
  ...wireEn,
  // The admin shell, accounts, users, settings, audit log.
  ...accountsEn,
  // Section, tag and author pages, feeds, the citation block.
  ...syndicationEn,
  // Articles, editor, revisions, media, sections and tags, comment moderation.
  ...newsroomEn,
  // The editor's desk checks (issue 17).
  ...deskEn,
  // The rich body editor's toolbar and dialogs (issue 17).
  ...richEditorEn,
  // The live newsfeed.
  ...liveEn,
  // Search and the language switcher.
  ...searchEn,
  // The WordPress import screen (issue 14).
  ...importEn,
  'site.skipToContent': 'Skip to content',
  'nav.newsfeed': 'Newsfeed',
  'nav.dayNewsfeed': 'Day newsfeed',
  'nav.primary': 'Main navigation',

  'newsfeed.title': 'Newsfeed',
  'newsfeed.pinned': 'Pinned',
  'newsfeed.description': 'The latest news from {site}, newest first.',
  'newsfeed.olderNews': 'Older news',
  'newsfeed.newerNews': 'Latest news',
  'newsfeed.empty': 'No news has been published yet.',
  'newsfeed.breaking': 'Breaking',
  'newsfeed.commentCount.one': '{count} comment',
  'newsfeed.commentCount.other': '{count} comments',
  'newsfeed.pageLabel': 'Newsfeed pages',
  'newsfeed.badCursor': 'That page link is not valid. Start again from the latest news.',

  'day.title': 'Day newsfeed: {date}',
  'day.description': 'All news from {site} on {date}, newest first.',
  'day.heading': 'Day newsfeed',
  'day.previous': 'Previous day with news: {date}',
  'day.next': 'Next day with news: {date}',
  'day.navLabel': 'Other days',
  'day.noNewsToday': 'There is no news yet today.',
  'day.latestDay': 'Latest news: {date}',
  'day.noNewsAtAll': 'No news has been published yet.',
  'day.today': 'Today, {date}',

  'article.publishedOn': 'Published',
  'article.section': 'Section',
  'article.tags': 'Tags',
  'article.by': 'By {name}',
  'article.agency': 'Source: {agency}',
  'article.embedLoad': 'Show the post',
  'article.embedNotice': 'This loads it from the provider, who may then see your visit.',
  'article.sourceLink': 'Original report',
  'article.breaking': 'Breaking',
  'article.reprintLink': 'Link to this article:',
  'article.newsfeedStrip': 'Newsfeed',
  'article.allNews': 'All news',

  'comments.heading.zero': 'Comments ({count})',
  'comments.heading.one': 'Comments ({count})',
  'comments.heading.other': 'Comments ({count})',
  'comments.says': 'says:',
  'comments.awaitingModeration': 'Thank you. Your comment is awaiting moderation and will appear once it is approved.',
  'comments.closed': 'Comments are closed.',
  'comments.none': 'No comments yet. Be the first to leave a reply.',

  'form.leaveReply': 'Leave a Reply',
  'form.notes': 'Your email address will not be published. Required fields are marked *',
  'form.name': 'Name',
  'form.email': 'Email',
  'form.emailNote': 'Your email address will not be published.',
  'form.website': 'Website',
  'form.comment': 'Comment',
  'form.submit': 'Post Comment',
  'form.required': 'Please fill in this field.',
  'form.tooLong': 'This is too long: at most {max} characters.',
  'form.invalidEmail': 'Please enter a valid email address, like name@example.com.',
  'form.invalidUrl': 'Please enter a valid web address starting with http:// or https://.',
  'form.singleValue': 'Please send this field only once.',
  'form.invalidCharacters': 'This contains characters that cannot be saved.',
  'form.errorSummary': 'Your comment was not posted. Please correct the fields marked below.',
  'form.requiredMark': '(required)',
  // Comments: threads, spam defence and moderation.
  'comments.reply': 'Reply',
  'comments.replyTo': 'Reply to {name}',
  'comments.cancelReply': 'Cancel reply',
  'comments.staff': 'Staff',
  'comments.anonymous': 'Anonymous',
  'comments.duplicate.title': 'Duplicate comment',
  'comments.duplicate': 'Duplicate comment detected; it looks as though you’ve already said that!',
  'comments.flood.title': 'Slow down',
  'comments.flood': 'You are posting comments too quickly. Slow down.',
  'comments.rateLimited': 'You have posted many comments in a short time. Please try again later.',
  'comments.replyRefused': 'The comment you are replying to does not exist, is not published, or belongs to another article.',
  'form.saveDetails': 'Save my name, email, and website in this browser for the next time I comment.',
  'form.honeypot': 'Leave this field empty',
  'moderation.invalid.approve': 'This comment is already approved.',
  'moderation.invalid.unapprove': 'Only an approved comment can be unapproved.',
  'moderation.invalid.spam': 'This comment is already marked as spam.',
  'moderation.invalid.notSpam': 'Only a comment marked as spam can be marked as not spam.',
  'moderation.invalid.trash': 'This comment is already in the trash.',
  'moderation.invalid.restore': 'Only a comment in the trash can be restored.',
  'moderation.invalid.delete': 'Only a comment in spam or in the trash can be deleted permanently.',
  'moderation.invalid.replyParent': 'You can reply only to a comment that is approved or awaiting moderation.',
  'moderation.reason.manual-approval': 'Manual approval is on: every comment waits for a moderator.',
  'moderation.reason.not-previously-approved': 'No earlier approved comment under this name and email.',
  'moderation.reason.too-many-links': 'Contains {detail} links.',
  'moderation.reason.moderation-word': 'Matches the moderation word “{detail}” ({field}).',
  'moderation.reason.no-timing-token': 'Sent without the timing check (JavaScript off, or the check could not load).',
  'moderation.reason.stale-timing-token': 'Sent {detail} hours after the page was shown.',
  'moderation.reason.no-user-agent': 'The browser did not identify itself.',
  'moderation.reason.disallowed-word': 'Matches the disallowed word “{detail}” ({field}).',
  'moderation.reason.honeypot': 'Filled in the hidden field that people cannot see.',
  'moderation.reason.too-fast': 'Sent {detail} seconds after the page was shown.',
  'moderation.reason.forged-timing-token': 'The timing check was tampered with.',
  'moderation.reason.link-density': 'Mostly links: {detail}% of the text.',
  'moderation.reason.bbcode-link': 'Contains forum-style [url] links.',
  'moderation.reason.link-in-name': 'The name contains a web address.',

  'error.notFound.title': 'Page not found',
  'error.notFound.text': 'We could not find the page you asked for. It may have moved, or the address may be mistyped.',
  'error.gone.title': 'This page is no longer here',
  'error.gone.text': 'This page belonged to the site before it moved to a new system, and it was not carried over.',
  'error.badDate.text': 'There is no such date. Dates look like 2022-02-03.',
  'error.articleNotFound.text': 'This article does not exist or is not published.',
  'error.commentsClosed.title': 'Comments are closed',
  'error.commentsClosed.text': 'Comments are closed on this article.',
  'error.badRequest.title': 'Bad request',
  'error.badRequest.text': 'The request could not be understood.',
  'error.unsupportedMedia.text': 'Please send the form as a normal web form.',
  'error.tooLarge.text': 'What you sent is too large.',
  'error.tooMany.title': 'Too many requests',
  'error.tooMany.text': 'More requests came from your address than we can answer just now. Please wait a minute and try again.',
  'error.busy.title': 'The site is very busy',
  'error.busy.text': 'So many readers are here at once that we cannot answer you just now. Please try again in a few seconds.',
  'error.server.title': 'Something went wrong',
  'error.server.text': 'Something went wrong on our side. Please try again in a moment.',
  'error.goHome': 'Go to the newsfeed',

  'footer.rights': '© {year} {site}. All rights reserved.',
  'footer.poweredBy': 'Published with Lede.'
} as const

export type MessageKey = keyof typeof en
