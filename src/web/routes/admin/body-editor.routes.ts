// What the rich body editor (client/editor) fetches while someone writes: library pictures, stories to
// link as related, and pasted HTML cleaned on the server. JSON in and out; the story itself is saved by
// the article form. Uploads in place go to the media library's /admin/media/upload.json.
import type { FastifyPluginAsync } from 'fastify'
import {
  BODY_PICTURE_CHOICES, MAX_PASTE_HTML, bodyPictureChoices, cleanPastedBody, relatedStoryChoices
} from '../../../services/body-editor.service.js'
import { requireCapability } from './admin-support.js'
import { field } from '../form-body.js'

type SearchQuery = { Querystring: { q?: string, edition?: string } }

const bodyEditorRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.deps
  const writer = { preHandler: requireCapability('articles.create') }
  // Pictures in a story come from the library, which only those who may upload can choose from (as the featured image).
  const pictures = { preHandler: requireCapability('media.upload') }

  app.get<SearchQuery>('/editor/pictures.json', pictures, async (request) => {
    const items = await bodyPictureChoices(deps, String(request.query.q ?? ''))
    return { items, limit: BODY_PICTURE_CHOICES }
  })

  app.get<SearchQuery>('/editor/stories.json', writer, async (request) => {
    const ctx = await request.adminContext()
    const edition = String(request.query.edition ?? ctx.settings.defaultEdition)
    const items = await relatedStoryChoices(deps, ctx.settings, String(request.query.q ?? ''), edition)
    return { items: items.map(({ id, headline, href, edition: e }) => ({ id, headline, href, edition: e })) }
  })

  // The clipboard's HTML as the body may hold it. Percent-encoded, a 2 MB clipboard is up to three times that.
  app.post('/editor/paste/', { ...writer, bodyLimit: MAX_PASTE_HTML * 3 + 4096 }, async (request, reply) => {
    const html = field(request.body, 'html')
    if (html.length > MAX_PASTE_HTML) return reply.code(413).send({ error: 'The pasted text is too long to clean (more than 2 MB).' })
    return { html: cleanPastedBody(html) }
  })
}

export default bodyEditorRoutes
