// What an error status says, in every place that answers one: the site's error pages, the newsroom's,
// the editor's scripts and the JSON API. The API speaks English to programs; pages speak the site's language.
import type { MessageKey } from '../../i18n/index.js'

export interface StatusMessage {
  /** A stable word for programs (the JSON API, the editor's scripts). */
  code: string
  title: MessageKey
  text: MessageKey
  /** The newsroom's own sentence, where it says more than the reader's. */
  newsroomText?: MessageKey
  /** The JSON API's message. */
  api: string
}

const MESSAGES: Record<number, StatusMessage> = {
  400: { code: 'bad_request', title: 'error.badRequest.title', text: 'error.badRequest.text', api: 'The request could not be understood.' },
  403: { code: 'forbidden', title: 'admin.error.forbidden.title', text: 'admin.error.forbidden.text', api: 'This is not allowed.' },
  404: {
    code: 'not_found', title: 'error.notFound.title', text: 'error.notFound.text', newsroomText: 'admin.error.notFound.text',
    api: 'There is nothing at this address.'
  },
  410: { code: 'gone', title: 'error.gone.title', text: 'error.gone.text', api: 'What was at this address has been removed.' },
  405: { code: 'method_not_allowed', title: 'error.badRequest.title', text: 'error.badRequest.text', api: 'This address answers GET and HEAD only.' },
  409: { code: 'conflict', title: 'admin.error.conflict.title', text: 'admin.error.conflict.text', api: 'Changed meanwhile.' },
  413: { code: 'payload_too_large', title: 'error.badRequest.title', text: 'error.tooLarge.text', api: 'What you sent is too large.' },
  415: { code: 'unsupported_media_type', title: 'error.badRequest.title', text: 'error.unsupportedMedia.text', api: 'This content type is not accepted here.' },
  429: { code: 'too_many_requests', title: 'error.tooMany.title', text: 'error.tooMany.text', newsroomText: 'admin.error.tooMany.text', api: 'Too many requests; try again later.' },
  503: { code: 'service_unavailable', title: 'error.busy.title', text: 'error.busy.text', api: 'The site is very busy; try again in a few seconds.' },
  500: { code: 'server_error', title: 'error.server.title', text: 'error.server.text', api: 'Something went wrong on our side.' }
}

/** The message for a status; one without its own says what any other client (4xx) or server (5xx) error says. */
export function statusMessage(status: number): StatusMessage {
  return MESSAGES[status] ?? (status >= 500 ? MESSAGES[500]! : MESSAGES[400]!)
}
