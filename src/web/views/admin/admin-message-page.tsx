// A page that only says something: 403 "not allowed", 404 in the admin, a done message with a link.
import type { ComponentChildren } from 'preact'
import type { SiteSettings } from '../../../domain/settings.js'
import type { Translator } from '../../../i18n/index.js'
import type { AdminContext } from './admin-context.js'
import { AdminBareLayout, AdminLayout } from './admin-layout.js'

export function AdminMessagePage({ ctx, title, message, children }: { ctx: AdminContext, title: string, message: string, children?: ComponentChildren }) {
  return (
    <AdminLayout ctx={ctx} title={title}>
      <p class="admin-message">{message}</p>
      {children}
      <p><a href="/admin/">{ctx.i18n.t('admin.backToDashboard')}</a></p>
    </AdminLayout>
  )
}

export function AdminBareMessagePage({ settings, i18n, title, message, children }: { settings: SiteSettings, i18n: Translator, title: string, message: string, children?: ComponentChildren }) {
  return (
    <AdminBareLayout settings={settings} i18n={i18n} title={title}>
      <p class="admin-message">{message}</p>
      {children}
    </AdminBareLayout>
  )
}
