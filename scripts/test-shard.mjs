// One process running many test files: imports each in turn, so their tests register with this
// process's test runner and run one file after another. Starting a process with TypeScript loading and
// the app's modules costs about 1.5 s of CPU; paying it once per shard rather than once per file is most
// of what makes the suite fast on two cores. Run through scripts/run-tests.mjs, with `--import tsx`.
import { pathToFileURL } from 'node:url'
import { resolve } from 'node:path'

for (const file of process.argv.slice(2)) await import(pathToFileURL(resolve(file)).href)
