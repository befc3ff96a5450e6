import { frontPath } from '../../domain/urls.js'
import type { ViewContext } from './context.js'
import { Layout } from './layout.js'

export function ErrorPage({ ctx, title, message }: { ctx: ViewContext, title: string, message: string }) {
  return (
    <Layout ctx={ctx} title={title} description={message} noindex live="none">
      <h1>{title}</h1>
      <p class="error-message">{message}</p>
      <p><a href={frontPath(ctx.prefix)}>{ctx.i18n.t('error.goHome')}</a></p>
    </Layout>
  )
}
