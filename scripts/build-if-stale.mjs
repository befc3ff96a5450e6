#!/usr/bin/env node
// Compiles src/ into dist/ only when something it is built from changed since the last build, so
// `npm start` serves in about a second on an unchanged checkout instead of recompiling for 20 s.
// "Changed" is by modification time: any file under src/, a tsconfig, or package-lock.json newer than
// the stamp the last successful build left. `--force` builds regardless.
// The browser bundle (assets/build/editor.js, scripts/build-assets.mjs) is rebuilt first when its own
// sources (client/, src/domain/) are newer than it: under a second, so a start never serves a stale editor
// (one that cannot be bundled is removed, and the article form keeps its plain textarea).
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { assetsStale, buildAssets, BUNDLE, newest } from './build-assets.mjs'

const root = new URL('..', import.meta.url).pathname
const stamp = join(root, 'dist', '.build-stamp')
const inputs = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'].map((f) => join(root, f))

/** The TypeScript modules under `dir` (declaration files left out): what dist/ is built from. */
function sourcesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath ?? e.path, e.name))
}

export function isStale() {
  if (!existsSync(stamp)) return true
  const built = statSync(stamp).mtimeMs
  return Math.max(newest(join(root, 'src')), ...inputs.map(newest)) > built
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const force = process.argv.includes('--force')
  if (force || assetsStale()) {
    try {
      console.log(`Bundled assets/build/editor.js in ${await buildAssets()} ms.`)
    } catch {
      // esbuild has printed what is wrong. A build must stop here; a start still serves the site, whose
      // article form works without the editor's script (the body is a plain textarea then).
      if (force) process.exit(1)
      for (const stale of [BUNDLE, `${BUNDLE}.map`]) rmSync(stale, { force: true })
      console.warn('!! assets/build/editor.js could not be bundled: the article editor falls back to its textarea.')
    }
  }
  if (!force && !isStale()) process.exit(0)
  const started = Date.now()
  console.log('Building dist/ (sources changed since the last build)…')
  // The stamp's time is taken before compiling: a source saved during the build makes the next start build again.
  const before = new Date()
  // Each module transpiled on its own by esbuild, as tsx runs the sources in the tests and in development
  // (isolatedModules and verbatimModuleSyntax make that exact): about 1 s where tsc took 17 s, because tsc
  // type-checked src/ again while emitting. Types are checked by `npm run typecheck` (CI runs it beside
  // the build), which covers src/ with the tests.
  const { build } = await import('esbuild')
  try {
    await build({
      entryPoints: sourcesUnder(join(root, 'src')), outdir: join(root, 'dist'), outbase: join(root, 'src'),
      tsconfig: join(root, 'tsconfig.build.json'), format: 'esm', platform: 'node', target: 'node20',
      sourcemap: true, logLevel: 'warning'
    })
  } catch {
    // esbuild has printed what is wrong, with the file and line.
    process.exit(1)
  }
  writeFileSync(stamp, `${before.toISOString()}\n`)
  const { utimesSync } = await import('node:fs')
  utimesSync(stamp, before, before)
  console.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
}
