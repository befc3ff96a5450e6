// English strings of the live newsfeed (issue 16; spread into en.ts).
export const liveEn = {
  'live.closing': 'This server is restarting. Live updates resume in a moment.',
  'live.tooManyFromAddress': 'Too many live-update streams are open from your address. Close a few tabs, or try again in a minute.',
  'live.tooManyInTotal': 'Too many readers are following live updates right now. Try again in a minute; the pages work without them.',
  'live.newStories.one': '{count} new story — show',
  'live.newStories.other': '{count} new stories — show',
  'live.breaking': 'Breaking news',
  'live.dismiss': 'Dismiss',
}
