// `lede wire …` against a test database on both engines (runWireCommandWith takes the test's deps).
import { it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../../src/cli/main.js'
import { runWireCommandWith } from '../../src/cli/wire.command.js'
import type { Deps } from '../../src/services/deps.js'
import { build, forEachDialect } from '../helper.js'

function capture() {
  const out: string[] = []
  const err: string[] = []
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err }
}

it('lede --help lists wire, and lede wire --help explains it', async () => {
  const logs: string[] = []
  const original = console.log
  console.log = (line: string) => logs.push(line)
  try {
    assert.equal(await main(['--help']), 0)
    assert.equal(await main(['wire', '--help']), 0)
  } finally {
    console.log = original
  }
  assert.match(logs[0]!, /wire\s+Wire desk/)
  assert.match(logs[1]!, /Usage: lede wire <subcommand>/)
})

forEachDialect((dialect) => {
  it('sources add, list (never the password), remove', async (t) => {
    const app = await build(t, dialect, { demo: true })
    const run = async (args: string[]) => {
      const c = capture()
      const code = await runWireCommandWith(args, c.io, async (fn) => fn(app.deps as Deps))
      return { code, ...c }
    }
    process.env.LEDE_TEST_WIRE_PASSWORD = 's3cret-pass'
    t.after(() => { delete process.env.LEDE_TEST_WIRE_PASSWORD })
    const added = await run(['sources', 'add', '--name', 'TASS English', '--url', 'https://tass.example/rss', '--edition', 'hy', '--credit', 'TASS', '--user', 'desk', '--password-env', 'LEDE_TEST_WIRE_PASSWORD'])
    assert.equal(added.code, 0, added.err.join('\n'))
    const listed = await run(['sources', 'list'])
    assert.match(listed.out.join('\n'), /TASS English\tfeed\tactive\thttps:\/\/tass.example\/rss\tcredit: TASS/)
    const json = await run(['sources', 'list', '--json'])
    assert.doesNotMatch(json.out.join('\n'), /s3cret-pass|auth_password/)
    assert.match(json.out.join('\n'), /"has_password": true/)
    const bad = await run(['sources', 'add', '--name', 'X', '--url', 'ftp://x', '--edition', 'hy'])
    assert.equal(bad.code, 1)
    assert.match(bad.err.join('\n'), /url: url/)
    const id = /Added wire source (\d+)/.exec(added.out[0]!)![1]!
    assert.equal((await run(['sources', 'remove', id])).code, 0)
    assert.equal((await run(['sources', 'remove', id])).code, 1)
    assert.equal((await run(['sources', 'frobnicate'])).code, 2)
  })

  it('ingest prints each item or the reason a file was refused, exits 1 on a refusal; inbox reads them back', async (t) => {
    const app = await build(t, dialect, { demo: true })
    const run = async (args: string[]) => {
      const c = capture()
      const code = await runWireCommandWith(args, c.io, async (fn) => fn(app.deps as Deps))
      return { code, ...c }
    }
    const folder = await mkdtemp(join(tmpdir(), 'lede-wire-cli-'))
    t.after(() => rm(folder, { recursive: true, force: true }))
    const good = join(folder, 'story.json')
    await writeFile(good, JSON.stringify({ guid: 'urn:x:1', version: '1', headline: 'Parliament meets', body_html: '<p>Text</p>', urgency: 2 }))
    const broken = join(folder, 'broken.xml')
    await writeFile(broken, '<nitf><head>')
    const ingested = await run(['ingest', good, broken, join(folder, 'missing.xml')])
    assert.equal(ingested.code, 1)
    assert.match(ingested.out[0]!, /^story\.json: new\turn:x:1\tParliament meets$/)
    assert.match(ingested.out[1]!, /^broken\.xml: refused: not well-formed XML/)
    assert.match(ingested.out[2]!, /^missing\.xml: refused: /)
    // Open inbox screens hear of the new item through the live log's wire channel; of a seen one, nothing.
    const announced = async () => (await app.deps.db.selectFrom('live_events').select('data').where('edition', '=', '@wire').execute()).map((r) => JSON.parse(r.data) as { new: number })
    assert.deepEqual((await announced()).map((e) => e.new), [1])
    const again = await run(['ingest', good])
    assert.equal(again.code, 0)
    assert.match(again.out[0]!, /story\.json: seen/)
    assert.equal((await announced()).length, 1)
    const inbox = await run(['inbox', '--json'])
    const items = JSON.parse(inbox.out.join('\n')) as Array<{ agencyId: string, urgency: number, source: string }>
    assert.deepEqual(items.map((i) => [i.agencyId, i.urgency, i.source]), [['urn:x:1', 2, 'Command line']])
    assert.equal((await run(['inbox', '--since', '2030-01-01'])).out[0], 'The inbox is empty.')
    assert.equal((await run(['inbox', '--since', 'yesterday'])).code, 2)
  })
})
