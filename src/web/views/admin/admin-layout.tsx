// The admin shell: top bar with the user menu and logout, navigation showing only what the role may
// use, a notice area, and the page. Server-rendered; no script is needed for anything here.
import type { ComponentChildren } from 'preact'
import { can, type Capability } from '../../../domain/roles.js'
import type { MessageKey, Translator } from '../../../i18n/index.js'
import { textDirection } from '../../../i18n/index.js'
import type { SiteSettings } from '../../../domain/settings.js'
import type { AdminContext } from './admin-context.js'
import { CsrfInput } from './forms.js'

export interface AdminNavItem {
  key: MessageKey
  path: string
  /** Shown only to roles with this capability; null for everyone signed in. */
  capability: Capability | null
  badge?: 'pendingComments'
}

/** The admin's sections. Paths end in "/" like every page (DESIGN §4). */
export const ADMIN_NAV: readonly AdminNavItem[] = [
  { key: 'admin.nav.dashboard', path: '/admin/', capability: null },
  { key: 'admin.nav.articles', path: '/admin/articles/', capability: 'articles.create' },
  { key: 'admin.nav.newArticle', path: '/admin/articles/new/', capability: 'articles.create' },
  { key: 'admin.nav.wire', path: '/admin/wire/', capability: 'wire.read' },
  { key: 'admin.nav.comments', path: '/admin/comments/', capability: 'comments.moderate', badge: 'pendingComments' },
  { key: 'admin.nav.media', path: '/admin/media/', capability: 'media.upload' },
  { key: 'admin.nav.taxonomy', path: '/admin/taxonomy/', capability: 'taxonomy.manage' },
  { key: 'admin.nav.users', path: '/admin/users/', capability: 'users.manage' },
  { key: 'admin.nav.settings', path: '/admin/settings/', capability: 'settings.manage' },
  { key: 'admin.nav.import', path: '/admin/import/', capability: 'settings.manage' },
  { key: 'admin.nav.audit', path: '/admin/audit/', capability: 'audit.view' }
]

/** The nav item for a path: the longest prefix, so "/admin/articles/new/" marks "New article" only. */
export function currentNavPath(path: string): string | null {
  let best: string | null = null
  for (const item of ADMIN_NAV) {
    const matches = item.path === '/admin/' ? path === '/admin/' : path.startsWith(item.path)
    if (matches && (best === null || item.path.length > best.length)) best = item.path
  }
  return best
}

function AdminHead({ title, settings, i18n }: { title: string, settings: SiteSettings, i18n: Translator }) {
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="robots" content="noindex, nofollow" />
      <title>{i18n.t('admin.documentTitle', { title, site: settings.siteName })}</title>
      <link rel="stylesheet" href="/assets/admin.css" />
      <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
    </head>
  )
}

export interface AdminLayoutProps {
  ctx: AdminContext
  title: string
  /** Buttons or links beside the page heading ("Add new"). */
  actions?: ComponentChildren
  /** Extra scripts (external files under /assets/ only: the CSP forbids inline code). */
  scripts?: string[]
  children: ComponentChildren
}

export function AdminLayout({ ctx, title, actions, scripts, children }: AdminLayoutProps) {
  const { t } = ctx.i18n
  const current = currentNavPath(ctx.path)
  const items = ADMIN_NAV.filter((item) => item.capability === null || can(ctx.user.role, item.capability))
  return (
    <html lang={ctx.i18n.lang} dir={textDirection(ctx.i18n.lang)}>
      <AdminHead title={title} settings={ctx.settings} i18n={ctx.i18n} />
      <body class="admin">
        <a class="skip-link" href="#main">{t('site.skipToContent')}</a>
        <header class="admin-bar">
          <a class="admin-site" href="/">{ctx.settings.siteName}</a>
          <span class="admin-view-site"><a href="/">{t('admin.viewSite')}</a></span>
          <div class="admin-user">
            <span class="admin-user-name">{ctx.user.displayName}</span>
            <span class="admin-user-role">{t(`admin.role.${ctx.user.role}`)}</span>
            <a href="/admin/profile/">{t('admin.nav.profile')}</a>
            <form method="post" action="/admin/logout/" class="inline-form">
              <CsrfInput token={ctx.csrfToken} />
              <button type="submit" class="link-button">{t('admin.logout')}</button>
            </form>
          </div>
        </header>
        <div class="admin-frame">
          <nav class="admin-nav" aria-label={t('admin.nav.label')}>
            <ul>
              {items.map((item) => (
                <li>
                  <a href={item.path} aria-current={item.path === current ? 'page' : undefined}>
                    {t(item.key)}
                    {item.badge === 'pendingComments' && ctx.pendingComments > 0
                      ? <> <span class="badge" title={ctx.i18n.plural('admin.pendingBadge', ctx.pendingComments)}>{ctx.pendingComments}<span class="visually-hidden"> {ctx.i18n.plural('admin.pendingBadge', ctx.pendingComments)}</span></span></>
                      : null}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <main id="main" class="admin-main">
            <div class="admin-heading">
              <h1>{title}</h1>
              {actions ? <div class="admin-actions">{actions}</div> : null}
            </div>
            {ctx.notice ? <div class={`notice notice-${ctx.notice.tone}`} role="status"><p>{ctx.notice.text}</p></div> : null}
            {children}
          </main>
        </div>
        {(scripts ?? []).map((src) => <script src={src} defer />)}
      </body>
    </html>
  )
}

/** Pages shown before login (login, first-run setup, choosing a password): no navigation, no user. */
export function AdminBareLayout({ settings, i18n, title, notice, children }: {
  settings: SiteSettings, i18n: Translator, title: string, notice?: { tone: 'success' | 'error' | 'info', text: string } | null, children: ComponentChildren
}) {
  return (
    <html lang={i18n.lang} dir={textDirection(i18n.lang)}>
      <AdminHead title={title} settings={settings} i18n={i18n} />
      <body class="admin admin-bare">
        <main id="main" class="admin-card">
          <p class="admin-card-site"><a href="/">{settings.siteName}</a></p>
          <h1>{title}</h1>
          {notice ? <div class={`notice notice-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}><p>{notice.text}</p></div> : null}
          {children}
        </main>
      </body>
    </html>
  )
}
