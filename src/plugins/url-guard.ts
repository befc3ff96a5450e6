// A NUL byte in a URL can never name one of our pages, and PostgreSQL refuses it in text parameters
// ("invalid byte sequence"), so such requests are answered here, before any route or query sees them.
import fp from 'fastify-plugin'

export default fp(async (app) => {
  app.addHook('onRequest', async (request) => {
    if (/%00/i.test(request.url)) {
      throw Object.assign(new Error('NUL byte in URL'), { statusCode: 400, code: 'LEDE_NUL_IN_URL' })
    }
  })
}, { name: 'url-guard' })
