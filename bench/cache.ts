// `npm run bench:cache [-- --seconds 8 --rounds 3 --connections 64]`
// What a cached page costs against a static file: the built server (dist/, `npm run build` first) on a
// fresh SQLite file with the demo content, page cache on: one process, and a worker per core (the
// default) in three logging set-ups (every request logged, LOG_REQUEST_SAMPLE=100, LOG_LEVEL=warn), behind
// nginx's proxy_cache as docs/deploy.md sets it up, and Debian's nginx serving the same article's HTML as
// a file, side by side. wrk (apt-get install wrk) loads each with 64 keep-alive connections, asking
// for brotli as browsers do; rounds interleave the targets so a burst of load elsewhere hits all alike,
// and the median round is reported. Client and server share the machine's cores. See bench/README.md.
import { spawn, type ChildProcess } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { startFrontDoor } from '../test/server/front-door.js'
import { requireTools, waitFor, wrk as runWrk, type WrkResult } from './wrk.js'

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '8' }, rounds: { type: 'string', default: '3' }, connections: { type: 'string', default: '64' } } })
const ARTICLE = '/2022/02/03/us-department-of-state-expects-russian-response-to-clarify-moscows-position/'
const dir = mkdtempSync(join(tmpdir(), 'lede-bench-cache-'))
// nginx's workers run as nobody when started by root: they must be able to read the page.
chmodSync(dir, 0o755)
const children: ChildProcess[] = []
process.on('exit', () => { for (const c of children) c.kill('SIGTERM'); rmSync(dir, { recursive: true, force: true }) })

requireTools('bench:cache', ['wrk', '/usr/sbin/nginx'])

async function lede(port: number, env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, ['dist/server.js'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: join(dir, 'lede.db'), WIRE_POLLER: 'false', PAGE_CACHE_SECONDS: '600', ...env },
    stdio: ['ignore', 'ignore', 'inherit']
  })
  children.push(child)
  const base = `http://127.0.0.1:${port}`
  await waitFor(`${base}/healthz`)
  return base
}

// The first server seeds the demo into the shared file; the others open it as it is.
const targets: [name: string, url: string][] = []
const every = await lede(4301, { WORKERS: '1' })
targets.push(['Lede, 1 process, every request logged', every + ARTICLE])
targets.push(['Lede, a worker per core, every request logged', (await lede(4304, {})) + ARTICLE])
targets.push(['Lede, a worker per core, LOG_REQUEST_SAMPLE=100', (await lede(4302, { LOG_REQUEST_SAMPLE: '100' })) + ARTICLE])
targets.push(['Lede, a worker per core, LOG_LEVEL=warn', (await lede(4303, { LOG_LEVEL: 'warn' })) + ARTICLE])
// The deployment of docs/deploy.md: nginx's proxy_cache in front of a worker per core.
const behindNginx = await lede(4305, { TRUST_PROXY: '1', SHARED_CACHE_SECONDS: '5' })
const door = await startFrontDoor([Number(new URL(behindNginx).port)])
process.on('exit', () => { void door.stop() })
targets.push(['nginx proxy_cache (docs/deploy/nginx/lede.conf) in front of Lede, a worker per core', door.url + ARTICLE])

mkdirSync(join(dir, 'www'))
mkdirSync(join(dir, 'logs'))
writeFileSync(join(dir, 'www', 'article.html'), await (await fetch(every + ARTICLE)).text())
writeFileSync(join(dir, 'nginx.conf'), `worker_processes 1; daemon off; error_log ${dir}/logs/error.log; pid ${dir}/nginx.pid;
events { worker_connections 1024; }
http { access_log off; server { listen 127.0.0.1:4399; root ${dir}/www; location / { default_type text/html; } } }
`)
const nginx = spawn('/usr/sbin/nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'inherit' })
children.push(nginx)
await waitFor('http://127.0.0.1:4399/article.html')
targets.unshift(['nginx, the same HTML as a file', 'http://127.0.0.1:4399/article.html'])

type Result = WrkResult
const wrk = (url: string) => runWrk(url, Number(values.connections), Number(values.seconds))

for (const [, url] of targets) wrk(url) // warm every copy and connection path once
const rounds: Result[][] = targets.map(() => [])
for (let r = 0; r < Number(values.rounds); r++) targets.forEach(([, url], i) => rounds[i]!.push(wrk(url)))
const median = (rs: Result[]) => [...rs].sort((a, b) => a.rps - b.rps)[Math.floor(rs.length / 2)]!
const nginxRps = median(rounds[0]!).rps
console.log(`| target | req/s | p50 | p99 | errors | of nginx |\n|---|---|---|---|---|---|`)
targets.forEach(([name], i) => {
  const m = median(rounds[i]!)
  console.log(`| ${name} | ${Math.round(m.rps)} | ${m.p50} | ${m.p99} | ${m.errors} | ${(100 * m.rps / nginxRps).toFixed(0)} % |`)
})
process.exit(0)
