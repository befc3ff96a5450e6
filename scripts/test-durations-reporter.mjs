// A node:test reporter for scripts/record-test-durations.mjs: sums each test file's top-level durations
// and writes them, as JSON, to LEDE_TEST_DURATIONS_DIR/<pid>.json when the process's tests end. A suite
// made by forEachDialect (test/helper.ts) is reported as declared in the helper; it counts for the file
// its own tests are declared in, which its nested tests' events name.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

// It prints nothing: a reporter is a generator of output, and this one's output is the file.
// eslint-disable-next-line require-yield
export default async function * durationsReporter(source) {
  const seconds = {}
  let nestedFile = null
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue
    const { nesting, file, details } = event.data
    if (nesting > 0) {
      if (file && !file.endsWith('/test/helper.ts')) nestedFile = file
      continue
    }
    const owner = file && !file.endsWith('/test/helper.ts') ? file : nestedFile
    if (owner) seconds[owner] = (seconds[owner] ?? 0) + details.duration_ms / 1000
    nestedFile = null
  }
  const dir = process.env.LEDE_TEST_DURATIONS_DIR
  if (dir) writeFileSync(join(dir, `${process.pid}.json`), JSON.stringify(seconds))
}
