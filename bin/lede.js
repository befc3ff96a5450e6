#!/usr/bin/env node
// Runs the compiled CLI; `npm run build` (part of `npm start`) produces dist/.
import { existsSync } from 'node:fs'

const entry = new URL('../dist/cli/main.js', import.meta.url)
if (!existsSync(entry)) {
  console.error('lede: dist/ is missing; run "npm run build" first.')
  process.exit(1)
}
const { main } = await import(entry.href)
const code = await main(process.argv.slice(2))
if (process.argv[2] !== 'serve' || code !== 0) process.exitCode = code
