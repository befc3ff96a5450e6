// Every word the rich body editor shows, with its English default. The editor page fills
// <script type="application/json" id="rich-editor-labels"> with these keys in the page's language (the
// view imports this file for the key list, so it stays free of DOM code); a key the page leaves out keeps
// its English text here. `{name}` marks a value put in at run time.
export const EDITOR_LABELS = {
  toolbar: 'Formatting',
  keyboardHint: 'Alt+F10 moves to the formatting buttons, Escape comes back. Shortcuts as you type: ## heading, ### subheading, > quote, - list, 1. numbered list, --- line, **bold**, *italic*.',

  paragraph: 'Paragraph',
  heading: 'Heading',
  subheading: 'Subheading',
  bold: 'Bold',
  italic: 'Italic',
  link: 'Link',
  quote: 'Quote',
  pullQuote: 'Pull quote',
  bulletList: 'Bulleted list',
  orderedList: 'Numbered list',
  horizontalRule: 'Line',
  table: 'Table',
  addRow: 'Add row',
  deleteRow: 'Delete row',
  addColumn: 'Add column',
  deleteColumn: 'Delete column',
  deleteTable: 'Delete table',
  picture: 'Picture',
  embed: 'Embed',
  relatedStory: 'Related story',
  undo: 'Undo',
  redo: 'Redo',

  cancel: 'Cancel',
  searching: 'Searching…',
  searchFailed: 'The search did not work. Try again.',

  linkTitle: 'Link',
  linkUrl: 'Address',
  linkUrlHint: 'Starting with https://, http:// or mailto:, or with / for a page on this site.',
  linkApply: 'Apply link',
  linkRemove: 'Remove link',
  linkErrorEmpty: 'Enter the address the link goes to.',
  linkErrorSpaces: 'An address has no spaces: check what was copied.',
  linkErrorNoScheme: 'Start the address with https:// (for example https://{example}), or with / for a page on this site.',
  linkErrorScheme: 'A link may go to an https://, http:// or mailto: address or to a page on this site (starting with /), not to a “{scheme}:” address.',
  linkErrorIncomplete: 'This web address is incomplete: it needs a site name after the //, like https://example.org/page.',
  linkErrorMailto: 'A mailto: link needs an email address, like mailto:desk@example.org.',

  pictureTitle: 'Picture',
  pictureSearch: 'Search the media library',
  pictureResults: 'Pictures in the library',
  pictureNoResults: 'No picture in the library matches.',
  pictureFile: 'Or upload a picture',
  pictureAlt: 'Alt text (required)',
  pictureAltHint: 'What the picture shows, for readers who cannot see it.',
  pictureCaption: 'Caption (optional)',
  pictureCredit: 'Credit (optional)',
  pictureInsert: 'Insert picture',
  pictureUpdate: 'Update picture',
  pictureUploading: 'Uploading the picture…',
  pictureUploadFailed: 'The picture could not be uploaded. Try again.',
  pictureErrorAlt: 'Write the alt text: a picture is not inserted without it.',
  pictureErrorNone: 'Choose a picture from the library, or a file to upload.',
  pictureErrorNotImage: 'This file is not a picture.',

  embedTitle: 'Embed a post or video',
  embedUrl: 'Address of the post or video',
  embedUrlHint: 'Supported: {providers}.',
  embedCaption: 'Title (optional)',
  embedInsert: 'Insert embed',
  embedUpdate: 'Update embed',
  embedErrorEmpty: 'Enter the address of the post or video.',
  embedErrorUnsupported: 'This address cannot be embedded. Supported: {providers}.',

  relatedTitle: 'Related story',
  relatedSearch: 'Search stories',
  relatedResults: 'Stories',
  relatedNoResults: 'No story matches.',
  relatedInsert: 'Insert related story',
  relatedUpdate: 'Update related story',
  relatedErrorNone: 'Choose a story.',

  pasteCleaning: 'Cleaning the pasted text…'
} as const

export type EditorLabelKey = keyof typeof EDITOR_LABELS
export type EditorLabels = Record<EditorLabelKey, string>

/** A label with its `{name}` placeholders filled in. */
export function fillLabel(label: string, values: Record<string, string>): string {
  return label.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(values, name) ? values[name]! : whole))
}
