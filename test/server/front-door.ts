// Runs docs/deploy/nginx/lede.conf for real, for the front-door test and bench:cache: the file as an
// operator installs it, with only its listen port, upstream ports and cache directory changed, inside a
// main configuration of its own (pid, logs and temporary files in a private directory).
import { spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const NGINX = '/usr/sbin/nginx'
const CONF = new URL('../../docs/deploy/nginx/lede.conf', import.meta.url)

export interface FrontDoor {
  url: string
  port: number
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** The deployment file with this run's ports and cache directory; throws if the lines it rewrites moved. */
export function frontDoorSite(port: number, upstreams: number[], cacheDir: string): string {
  const site = readFileSync(CONF, 'utf8')
    .replace(/^(\s*)listen 80;/m, `$1listen 127.0.0.1:${port};`)
    .replace(/^\s*server 127\.0\.0\.1:3001;\n\s*server 127\.0\.0\.1:3002;/m, upstreams.map((p) => `    server 127.0.0.1:${p};`).join('\n'))
    .replace('/var/cache/nginx/lede', cacheDir)
  if (!site.includes(`listen 127.0.0.1:${port};`) || !site.includes(`server 127.0.0.1:${upstreams.at(-1)};`) || !site.includes(cacheDir)) {
    throw new Error(`${CONF.pathname} no longer has "listen 80;", the two upstream lines or the cache path this helper rewrites`)
  }
  return site
}

/** Starts nginx in front of the given Lede ports and resolves once it answers /healthz through them. */
export async function startFrontDoor(upstreams: number[], options: { workers?: number } = {}): Promise<FrontDoor> {
  const dir = mkdtempSync(join(tmpdir(), 'lede-nginx-'))
  chmodSync(dir, 0o755)
  const port = await freePort()
  writeFileSync(join(dir, 'lede.conf'), frontDoorSite(port, upstreams, join(dir, 'cache')))
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `${name}_temp_path ${join(dir, name)};`).join('\n  ')
  // Started by root, nginx's workers would run as nobody and could not write the private directory.
  writeFileSync(join(dir, 'nginx.conf'), `${process.getuid?.() === 0 ? 'user root;' : ''}
daemon off;
worker_processes ${options.workers ?? 1};
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  ${temp}
  include ${join(dir, 'lede.conf')};
}
`)
  const nginx = spawn(NGINX, ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] })
  let output = ''
  nginx.stderr.on('data', (chunk: Buffer) => { output += chunk.toString() })
  let running = true
  const exited = new Promise<void>((resolve) => nginx.on('exit', () => { running = false; resolve() }))
  const stop = async () => {
    if (running) nginx.kill('SIGTERM')
    await exited
    rmSync(dir, { recursive: true, force: true })
  }
  const url = `http://127.0.0.1:${port}`
  for (let tries = 0; ; tries++) {
    if (await fetch(`${url}/healthz`).then((r) => r.status === 200, () => false)) return { url, port, stop }
    if (!running || tries >= 100) {
      const log = existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : ''
      await stop()
      throw new Error(`nginx did not come up:\n${output}\n${log}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
