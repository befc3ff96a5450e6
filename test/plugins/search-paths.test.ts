import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { slashRedirectTarget } from '../../src/plugins/trailing-slash.js'
import { editionOfPath } from '../../src/plugins/pages.js'

describe('slashRedirectTarget for search', () => {
  it('keeps /search and /<lang>/search without a slash, query and all', () => {
    for (const url of ['/search', '/search?q=a', '/ru/search', '/hy/search?q=%D5%A1&scope=all', '/pt-br/search?q=x']) {
      assert.equal(slashRedirectTarget(url), null, url)
    }
  })

  it('sends /search/ and /<lang>/search/ to the form without the slash', () => {
    assert.equal(slashRedirectTarget('/search/'), '/search')
    assert.equal(slashRedirectTarget('/ru/search/?q=x'), '/ru/search?q=x')
  })

  it('still adds the slash to pages, also those merely named like search', () => {
    assert.equal(slashRedirectTarget('/ru/newsfeed'), '/ru/newsfeed/')
    assert.equal(slashRedirectTarget('/ru/search/more'), '/ru/search/more/')
    assert.equal(slashRedirectTarget('/tag/search'), '/tag/search/')
  })
})

describe('editionOfPath', () => {
  const settings = { editions: ['hy', 'ru', 'en'], defaultEdition: 'en' }
  it('names the non-default edition a path is under', () => {
    assert.equal(editionOfPath('/ru/no-such-page/', settings), 'ru')
    assert.equal(editionOfPath('/hy?x=1', settings), 'hy')
    assert.equal(editionOfPath('/en/', settings), null)
    assert.equal(editionOfPath('/de/', settings), null)
    assert.equal(editionOfPath('/', settings), null)
    assert.equal(editionOfPath('/2022/02/03/x/', settings), null)
  })
})
