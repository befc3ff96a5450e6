import { test } from 'node:test'
import assert from 'node:assert/strict'
import { boundedMemo } from '../../src/domain/memo.js'

test('a remembered value is computed once per key', () => {
  const memo = boundedMemo<string>(10)
  let calls = 0
  const compute = () => { calls++; return 'x' }
  assert.equal(memo.get('a', compute), 'x')
  assert.equal(memo.get('a', compute), 'x')
  assert.equal(calls, 1)
})

test('a full memo starts again empty, so it never holds more than its bound', () => {
  const memo = boundedMemo<number>(2)
  let calls = 0
  const compute = (n: number) => () => { calls++; return n }
  memo.get('a', compute(1))
  memo.get('b', compute(2))
  memo.get('c', compute(3))
  assert.equal(calls, 3)
  assert.equal(memo.get('a', compute(1)), 1)
  assert.equal(calls, 4, 'forgotten when the memo filled up, computed again')
})
