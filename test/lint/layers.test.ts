// The layers of DESIGN §6 are kept by the linter (eslint.config.js): an import from a layer above
// fails `npm run lint`. The fixtures (.ts.txt, so neither tsc nor the lint run reads them) are linted as
// if they stood in src/, where the rules apply.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'

const root = fileURLToPath(new URL('../../', import.meta.url))
const eslint = new ESLint({ cwd: root })

async function lintAs(fixture: string, filePath: string) {
  const code = await readFile(new URL(`./fixtures/${fixture}.txt`, import.meta.url), 'utf8')
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` })
  return result!.messages
}

describe('layer rules', () => {
  for (const [fixture, filePath] of [
    ['domain-imports-a-table.ts', 'src/domain/fixture.ts'],
    ['service-imports-a-view.ts', 'src/services/fixture.service.ts'],
    ['plugin-imports-a-route.ts', 'src/plugins/fixture.ts'],
    ['view-calls-a-service.ts', 'src/web/views/fixture.ts']
  ] as const) {
    it(`refuses ${fixture.replace(/-/g, ' ').replace(/\.ts$/, '')}`, async () => {
      const messages = await lintAs(fixture, filePath)
      assert.equal(messages.length, 1, JSON.stringify(messages))
      assert.equal(messages[0]!.ruleId, '@typescript-eslint/no-restricted-imports')
      assert.match(messages[0]!.message, /DESIGN §6/)
    })
  }

  it('lets a view take domain rules and a service’s result type', async () => {
    assert.deepEqual(await lintAs('allowed-imports.ts', 'src/web/views/fixture.ts'), [])
  })
})
