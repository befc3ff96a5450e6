#!/usr/bin/env node
// Bundles the browser code that is more than a small script: the rich body editor (client/editor, with
// ProseMirror and the body schema from src/domain) into assets/build/editor.js, one minified file with its
// source map, for browsers of 2020 on. Takes well under a second, so callers simply run it when a source
// is newer than the bundle (assetsStale); `--if-stale` does exactly that.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
export const BUNDLE = join(root, 'assets', 'build', 'editor.js')
// What the bundle is built from: the client code, the domain rules it imports (the schema, embeds), the
// packages it bundles, and this script.
const INPUTS = ['client', 'src/domain', 'package-lock.json', 'scripts/build-assets.mjs'].map((p) => join(root, p))

/** The newest modification time under a path (a file, or a folder and everything in it). */
export function newest(path) {
  const stat = statSync(path, { throwIfNoEntry: false })
  if (!stat) return 0
  if (!stat.isDirectory()) return stat.mtimeMs
  let latest = stat.mtimeMs // a deleted file changes its folder's time
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)))
  return latest
}

export function assetsStale() {
  if (!existsSync(BUNDLE)) return true
  const built = statSync(BUNDLE).mtimeMs
  return Math.max(...INPUTS.map(newest)) > built
}

export async function buildAssets() {
  const { build } = await import('esbuild')
  const started = Date.now()
  await build({
    entryPoints: [join(root, 'client', 'editor', 'main.ts')],
    outfile: BUNDLE,
    bundle: true,
    format: 'iife',
    minify: true,
    sourcemap: 'linked',
    target: 'es2020',
    platform: 'browser',
    tsconfig: join(root, 'client', 'tsconfig.json'),
    legalComments: 'linked',
    logLevel: 'warning'
  })
  return Date.now() - started
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--if-stale') && !assetsStale()) process.exit(0)
  try {
    const ms = await buildAssets()
    console.log(`Bundled assets/build/editor.js in ${ms} ms.`)
  } catch {
    // esbuild has printed what is wrong, with the file and line.
    process.exit(1)
  }
}
