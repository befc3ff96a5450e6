import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { argon2Options, hashPassword, needsRehash, PRODUCTION_ARGON2_OPTIONS, verifyPassword } from '../../src/services/password.service.js'

describe('password hashing', () => {
  it('uses OWASP’s argon2id baseline (m = 19 MiB, t = 2, p = 1) outside the test suite', () => {
    assert.deepEqual(argon2Options({}), { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 })
    assert.equal(argon2Options({ NODE_ENV: 'production' }), PRODUCTION_ARGON2_OPTIONS)
  })

  it('is still argon2id in the test suite, only cheaper', () => {
    const options = argon2Options({ NODE_ENV: 'test' })
    assert.equal(options.algorithm, 2)
    assert.ok(options.memoryCost! < PRODUCTION_ARGON2_OPTIONS.memoryCost!)
  })

  it('hashes with argon2id and verifies through the same path', async () => {
    const hash = await hashPassword('correct horse battery staple')
    assert.match(hash, /^\$argon2id\$v=19\$/)
    assert.equal(await verifyPassword(hash, 'correct horse battery staple'), true)
    assert.equal(await verifyPassword(hash, 'wrong'), false)
    assert.equal(needsRehash(hash), false)
  })
})
