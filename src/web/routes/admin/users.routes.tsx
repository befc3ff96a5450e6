// Users (administrators only): list, add with a one-time link, change role, disable and enable.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { validateInviteForm, validateRole } from '../../../domain/account-forms.js'
import type { MessageKey } from '../../../i18n/index.js'
import { pendingUserTokenExpiry } from '../../../db/repositories/accounts.repository.js'
import { listUsers, userById } from '../../../db/repositories/users.repository.js'
import { actorOf, changeRole, createUser, issueUserLink, setDisabled, type AdminChangeResult } from '../../../services/users.service.js'
import { translateErrors } from '../../views/admin/form-errors.js'
import { NewUserPage, UserLinkPage, UserPage, UsersListPage, type UserDetail } from '../../views/admin/users-pages.js'
import { requireCapability, sendAdminError } from './admin-support.js'
import { parseId } from '../../../domain/ids.js'

type IdParams = { Params: { id: string } }

const usersRoutes: FastifyPluginAsync = async (app) => {
  const guard = { preHandler: requireCapability('users.manage') }
  // Bylines and author pages follow an account's role and state.
  const write = { ...guard, config: { changesReaderPages: true } }

  async function userDetail(id: number): Promise<UserDetail | null> {
    const user = await userById(app.deps.db, id)
    if (!user) return null
    return {
      id: user.id, email: user.email, displayName: user.display_name, role: user.role, disabled: user.disabled === 1,
      hasPassword: user.password_hash !== null, createdAt: user.created_at,
      pendingLinkExpiresAt: await pendingUserTokenExpiry(app.deps.db, user.id, app.deps.clock().toISOString())
    }
  }

  /** Answers a role/disable/enable change: back to the user page, or the page again with why not. */
  async function answerChange(request: FastifyRequest, reply: FastifyReply, id: number, result: AdminChangeResult, done: string) {
    if (result.kind === 'not-found') return sendAdminError(request, reply, 404)
    if (result.kind === 'done' || result.kind === 'unchanged') return reply.redirect(`/admin/users/${id}/?notice=${done}`, 303)
    const user = await userDetail(id)
    if (!user) return sendAdminError(request, reply, 404)
    const ctx = await request.adminContext()
    const key: MessageKey = result.kind === 'self' ? 'admin.users.cannotDisableSelf' : 'admin.users.lastAdministrator'
    return reply.adminPage(<UserPage ctx={ctx} user={user} problem={{ tone: 'error', text: ctx.i18n.t(key) }} />, 409)
  }

  app.get('/users/', guard, async (request, reply) => {
    const ctx = await request.adminContext()
    return reply.adminPage(<UsersListPage ctx={ctx} users={await listUsers(app.deps.db)} />)
  })

  app.get('/users/new/', guard, async (request, reply) => {
    const ctx = await request.adminContext()
    return reply.adminPage(<NewUserPage ctx={ctx} values={{ email: '', displayName: '', role: 'author' }} errors={{}} />)
  })

  app.post('/users/new/', guard, async (request, reply) => {
    const form = validateInviteForm(request.body)
    const ctx = await request.adminContext()
    const typed = { email: form.values.email, displayName: form.values.displayName, role: form.values.role }
    if (!form.ok) return reply.adminPage(<NewUserPage ctx={ctx} values={typed} errors={translateErrors(ctx.i18n, form.errors)} />, 400)
    const result = await createUser(app.deps, { ...form.values, actor: actorOf(ctx.user) })
    if (result.kind === 'email-taken') {
      return reply.adminPage(<NewUserPage ctx={ctx} values={typed} errors={{ email: ctx.i18n.t('admin.form.emailTaken') }} />, 400)
    }
    // Shown once, in this response only: the link is not in any URL, log or later page.
    return reply.adminPage(<UserLinkPage ctx={ctx} name={form.values.displayName} link={result.link!} />)
  })

  app.get<IdParams>('/users/:id/', guard, async (request, reply) => {
    const id = parseId(request.params.id)
    const user = id === null ? null : await userDetail(id)
    if (!user) return sendAdminError(request, reply, 404)
    return reply.adminPage(<UserPage ctx={await request.adminContext()} user={user} />)
  })

  app.post<IdParams>('/users/:id/role/', write, async (request, reply) => {
    const id = parseId(request.params.id)
    if (id === null) return sendAdminError(request, reply, 404)
    const role = validateRole(request.body)
    if (!role) {
      const user = await userDetail(id)
      if (!user) return sendAdminError(request, reply, 404)
      const ctx = await request.adminContext()
      return reply.adminPage(<UserPage ctx={ctx} user={user} problem={{ tone: 'error', text: ctx.i18n.t('admin.form.invalidRole') }} />, 400)
    }
    return answerChange(request, reply, id, await changeRole(app.deps, actorOf(request.user!), id, role), 'roleChanged')
  })

  app.post<IdParams>('/users/:id/disable/', write, async (request, reply) => {
    const id = parseId(request.params.id)
    if (id === null) return sendAdminError(request, reply, 404)
    return answerChange(request, reply, id, await setDisabled(app.deps, actorOf(request.user!), id, true), 'userDisabled')
  })

  app.post<IdParams>('/users/:id/enable/', write, async (request, reply) => {
    const id = parseId(request.params.id)
    if (id === null) return sendAdminError(request, reply, 404)
    return answerChange(request, reply, id, await setDisabled(app.deps, actorOf(request.user!), id, false), 'userEnabled')
  })

  app.post<IdParams>('/users/:id/link/', guard, async (request, reply) => {
    const id = parseId(request.params.id)
    const user = id === null ? null : await userDetail(id)
    if (!user) return sendAdminError(request, reply, 404)
    if (user.disabled) return sendAdminError(request, reply, 409, 'admin.users.linkForDisabled')
    const link = await issueUserLink(app.deps, user.id, user.hasPassword ? 'reset' : 'setup', actorOf(request.user!))
    if (!link) return sendAdminError(request, reply, 404)
    return reply.adminPage(<UserLinkPage ctx={await request.adminContext()} name={user.displayName} link={link} />)
  })
}

export default usersRoutes
