import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { validateCommentForm, normaliseUrl, COMMENT_LIMITS, type CommentFormResult } from '../../src/domain/comment-form.js'

const valid = {
  author: 'Anna Petrosyan',
  email: 'anna@example.am',
  url: '',
  comment: 'A considered reply.'
}

function errorsOf(result: CommentFormResult) {
  assert.equal(result.ok, false, 'expected the form to be rejected')
  return result.ok ? {} : result.errors
}

describe('validateCommentForm', () => {
  it('accepts a complete form', () => {
    assert.deepEqual(validateCommentForm(valid), { ok: true, values: valid })
  })

  it('trims every field and keeps the comment’s inner line breaks', () => {
    const result = validateCommentForm({ author: '  Anna ', email: ' anna@example.am\t', url: ' https://example.com ', comment: '\n First line\r\nSecond line \n\n' })
    assert.deepEqual(result, {
      ok: true,
      values: { author: 'Anna', email: 'anna@example.am', url: 'https://example.com', comment: 'First line\nSecond line' }
    })
  })

  it('turns old Mac line breaks in the comment into newlines', () => {
    const result = validateCommentForm({ ...valid, comment: 'one\rtwo' })
    assert.equal(result.values.comment, 'one\ntwo')
  })

  it('ignores fields it does not know', () => {
    assert.deepEqual(validateCommentForm({ ...valid, submit: 'Post Comment', comment_post_ID: '7' }), { ok: true, values: valid })
  })

  describe('required fields', () => {
    it('requires name, email and comment but not website', () => {
      const result = validateCommentForm({})
      assert.deepEqual(result, {
        ok: false,
        values: { author: '', email: '', url: '', comment: '' },
        errors: {
          author: { key: 'form.required' },
          email: { key: 'form.required' },
          comment: { key: 'form.required' }
        }
      })
    })

    it('treats whitespace-only fields as empty', () => {
      const errors = errorsOf(validateCommentForm({ author: '   ', email: '\t', comment: ' \n\n ' }))
      assert.deepEqual(errors.author, { key: 'form.required' })
      assert.deepEqual(errors.email, { key: 'form.required' })
      assert.deepEqual(errors.comment, { key: 'form.required' })
    })

    it('treats null fields as empty', () => {
      const errors = errorsOf(validateCommentForm({ ...valid, author: null }))
      assert.deepEqual(errors, { author: { key: 'form.required' } })
    })

    it('allows an empty name and email when the site does not require them', () => {
      const result = validateCommentForm({ comment: 'Anonymous reply' }, { requireNameEmail: false })
      assert.deepEqual(result, { ok: true, values: { author: '', email: '', url: '', comment: 'Anonymous reply' } })
    })

    it('still checks a given email when the site does not require one', () => {
      const errors = errorsOf(validateCommentForm({ email: 'not-an-email', comment: 'x' }, { requireNameEmail: false }))
      assert.deepEqual(errors, { email: { key: 'form.invalidEmail' } })
    })

    it('still requires the comment when the site does not require name and email', () => {
      const errors = errorsOf(validateCommentForm({ author: 'Anna' }, { requireNameEmail: false }))
      assert.deepEqual(errors, { comment: { key: 'form.required' } })
    })
  })

  describe('length limits', () => {
    it('accepts a name at the limit and rejects one character more, giving the limit', () => {
      assert.equal(validateCommentForm({ ...valid, author: 'a'.repeat(COMMENT_LIMITS.name) }).ok, true)
      const errors = errorsOf(validateCommentForm({ ...valid, author: 'a'.repeat(COMMENT_LIMITS.name + 1) }))
      assert.deepEqual(errors, { author: { key: 'form.tooLong', max: 245 } })
    })

    it('rejects an email longer than 100 characters', () => {
      const atLimit = `${'a'.repeat(COMMENT_LIMITS.email - '@example.com'.length)}@example.com`
      assert.equal(atLimit.length, 100)
      assert.equal(validateCommentForm({ ...valid, email: atLimit }).ok, true)
      const errors = errorsOf(validateCommentForm({ ...valid, email: `a${atLimit}` }))
      assert.deepEqual(errors, { email: { key: 'form.tooLong', max: 100 } })
    })

    it('rejects a website address longer than 200 characters', () => {
      const atLimit = `https://example.com/${'a'.repeat(COMMENT_LIMITS.url - 'https://example.com/'.length)}`
      assert.equal(atLimit.length, 200)
      assert.equal(validateCommentForm({ ...valid, url: atLimit }).ok, true)
      const errors = errorsOf(validateCommentForm({ ...valid, url: `${atLimit}a` }))
      assert.deepEqual(errors, { url: { key: 'form.tooLong', max: 200 } })
    })

    it('accepts a comment of exactly 10,000 characters', () => {
      assert.equal(validateCommentForm({ ...valid, comment: 'a'.repeat(10_000) }).ok, true)
    })

    it('rejects a comment of 10,001 characters', () => {
      const errors = errorsOf(validateCommentForm({ ...valid, comment: 'a'.repeat(10_001) }))
      assert.deepEqual(errors, { comment: { key: 'form.tooLong', max: 10_000 } })
    })

    it('counts the comment in characters, not UTF-16 code units', () => {
      const emoji = '😀'.repeat(10_000)
      assert.equal(emoji.length, 20_000)
      assert.equal(validateCommentForm({ ...valid, comment: emoji }).ok, true)
      const errors = errorsOf(validateCommentForm({ ...valid, comment: `${emoji}😀` }))
      assert.deepEqual(errors, { comment: { key: 'form.tooLong', max: 10_000 } })
    })

    it('measures the comment after trimming', () => {
      assert.equal(validateCommentForm({ ...valid, comment: `  ${'a'.repeat(10_000)}\n\n` }).ok, true)
    })
  })

  describe('email', () => {
    for (const email of ['anna@example.am', 'a.b+news@mail.example.co.uk', 'анна@пример.рф']) {
      it(`accepts ${email}`, () => {
        assert.equal(validateCommentForm({ ...valid, email }).ok, true)
      })
    }

    for (const email of ['anna', 'anna@', '@example.am', 'anna@example', 'anna@@example.am', 'an na@example.am', 'anna@example..am', 'anna@.example.am', 'anna@example.am.']) {
      it(`rejects ${JSON.stringify(email)} as invalid`, () => {
        assert.deepEqual(errorsOf(validateCommentForm({ ...valid, email })), { email: { key: 'form.invalidEmail' } })
      })
    }
  })

  describe('website', () => {
    it('adds https:// to a bare domain when the form is accepted', () => {
      const result = validateCommentForm({ ...valid, url: 'example.com/blog' })
      assert.deepEqual(result, { ok: true, values: { ...valid, url: 'https://example.com/blog' } })
    })

    it('keeps an http:// address as it is', () => {
      const result = validateCommentForm({ ...valid, url: 'http://example.com' })
      assert.equal(result.ok && result.values.url, 'http://example.com')
    })

    for (const url of ['javascript:alert(1)', 'ftp://example.com', 'https://localhost', 'https://exa mple.com', 'http://', 'mailto:anna@example.am', 'data:text/html,hi']) {
      it(`rejects ${JSON.stringify(url)}`, () => {
        assert.deepEqual(errorsOf(validateCommentForm({ ...valid, url })), { url: { key: 'form.invalidUrl' } })
      })
    }

    it('keeps the trimmed address as typed, without https://, when the form is rejected', () => {
      const result = validateCommentForm({ ...valid, comment: '', url: ' example.com ' })
      assert.equal(result.ok, false)
      assert.equal(result.values.url, 'example.com')
    })
  })

  describe('malformed submissions', () => {
    it('rejects fields sent as arrays, keeping their text', () => {
      const result = validateCommentForm({ ...valid, author: ['Anna', 'Petrosyan'], comment: ['one', 'two'] })
      assert.deepEqual(result, {
        ok: false,
        values: { ...valid, author: 'Anna Petrosyan', comment: 'one two' },
        errors: { author: { key: 'form.singleValue' }, comment: { key: 'form.singleValue' } }
      })
    })

    it('reports a single value rather than required for an empty array', () => {
      const errors = errorsOf(validateCommentForm({ ...valid, email: [] }))
      assert.deepEqual(errors, { email: { key: 'form.singleValue' } })
    })

    it('rejects fields sent as objects', () => {
      const result = validateCommentForm({ ...valid, url: { href: 'https://example.com' } })
      assert.deepEqual(result, {
        ok: false,
        values: { ...valid, url: '' },
        errors: { url: { key: 'form.singleValue' } }
      })
    })

    it('rejects fields sent as numbers or booleans', () => {
      const errors = errorsOf(validateCommentForm({ ...valid, author: 42, email: true }))
      assert.deepEqual(errors, { author: { key: 'form.singleValue' }, email: { key: 'form.singleValue' } })
    })

    for (const name of ['author', 'email', 'url', 'comment'] as const) {
      it(`rejects a NUL byte in ${name}`, () => {
        const errors = errorsOf(validateCommentForm({ ...valid, url: 'https://example.com', [name]: `${name === 'email' ? 'anna@example.am' : 'ok'}\u0000x` }))
        assert.deepEqual(errors, { [name]: { key: 'form.invalidCharacters' } })
      })
    }

    it('rejects other control characters and the replacement character', () => {
      for (const c of ['\u0007', '\u001B', '\u007F', '\uFFFD']) {
        assert.deepEqual(errorsOf(validateCommentForm({ ...valid, comment: `a${c}b` })), { comment: { key: 'form.invalidCharacters' } }, JSON.stringify(c))
      }
    })

    it('allows tabs and line breaks in the comment', () => {
      assert.equal(validateCommentForm({ ...valid, comment: 'a\tb\nc\r\nd' }).ok, true)
    })

    it('keeps the trimmed values of every field when any field is wrong', () => {
      const result = validateCommentForm({ author: ' Anna ', email: ' nope ', url: ' example.com ', comment: ' Hi ' })
      assert.equal(result.ok, false)
      assert.deepEqual(result.values, { author: 'Anna', email: 'nope', url: 'example.com', comment: 'Hi' })
    })

    it('reports every wrong field at once', () => {
      const errors = errorsOf(validateCommentForm({ author: '', email: 'nope', url: 'javascript:x', comment: '' }))
      assert.deepEqual(errors, {
        author: { key: 'form.required' },
        email: { key: 'form.invalidEmail' },
        url: { key: 'form.invalidUrl' },
        comment: { key: 'form.required' }
      })
    })
  })
})

describe('normaliseUrl', () => {
  it('adds https:// to a bare domain', () => {
    assert.equal(normaliseUrl('example.com'), 'https://example.com')
  })

  it('leaves an address with a scheme alone', () => {
    assert.equal(normaliseUrl('http://example.com'), 'http://example.com')
    assert.equal(normaliseUrl('HTTPS://example.com'), 'HTTPS://example.com')
    assert.equal(normaliseUrl('javascript:alert(1)'), 'javascript:alert(1)')
  })

  it('leaves the empty string empty', () => {
    assert.equal(normaliseUrl(''), '')
  })
})
