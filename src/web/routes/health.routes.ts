import type { FastifyPluginAsync } from 'fastify'
import { sql } from 'kysely'

const healthRoutes: FastifyPluginAsync = async (app) => {
  // Liveness: the process answers.
  // Which process answered: behind one port several workers may (lede serve --workers N).
  app.get('/healthz', { config: { alwaysAnswer: true } }, async (_request, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok', pid: process.pid }))
  // Readiness: the database answers too.
  app.get('/readyz', { config: { alwaysAnswer: true } }, async (request, reply) => {
    try {
      await sql`select 1`.execute(app.deps.db)
      return reply.header('cache-control', 'no-store').send({ status: 'ready' })
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check failed')
      return reply.code(503).header('cache-control', 'no-store').send({ status: 'unavailable' })
    }
  })
}

export default healthRoutes
