import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import sharp from 'sharp'
import {
  defaultImageFile, mediaPath, parseMediaPath, sniffImageType, srcsetOf, variantWidths
} from '../../src/domain/media.js'

const image = (format: 'jpeg' | 'png' | 'webp' | 'avif') =>
  sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 200, g: 30, b: 30 } } }).toFormat(format).toBuffer()

describe('sniffImageType', () => {
  for (const [format, type] of [['jpeg', 'image/jpeg'], ['png', 'image/png'], ['webp', 'image/webp'], ['avif', 'image/avif']] as const) {
    it(`recognises ${type} by its bytes`, async () => {
      assert.equal(sniffImageType(await image(format)), type)
    })
  }

  it('refuses what is not one of the four, whatever it is called', () => {
    assert.equal(sniffImageType(Buffer.from('GIF89a......')), null)
    assert.equal(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), null)
    assert.equal(sniffImageType(Buffer.from('%PDF-1.7')), null)
    assert.equal(sniffImageType(Buffer.alloc(0)), null)
    assert.equal(sniffImageType(Buffer.from([0xff, 0xd8])), null, 'two bytes of a JPEG signature are not a JPEG')
  })

  it('does not take a RIFF file of another kind (WAV) for WebP', () => {
    assert.equal(sniffImageType(Buffer.from('RIFF\u0000\u0000\u0000\u0000WAVEfmt ')), null)
  })

  it('does not take an MP4 (an ftyp box without an AVIF brand) for AVIF', () => {
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypisom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2')])
    assert.equal(sniffImageType(mp4), null)
  })
})

describe('variantWidths', () => {
  it('makes the standard widths below the original, never larger', () => {
    assert.deepEqual(variantWidths(4000), [320, 640, 1024, 1600])
    assert.deepEqual(variantWidths(1024), [320, 640])
    assert.deepEqual(variantWidths(700), [320, 640])
  })

  it('makes one copy at its own width for a small image', () => {
    assert.deepEqual(variantWidths(300), [300])
  })
})

describe('media URLs', () => {
  const media = { id: 12, hash: '3f9a1c2b7d4e5f60'.padEnd(64, '0') }

  it('carries the id and the start of the content hash', () => {
    assert.equal(mediaPath(media, '640', 'image/webp'), '/media/12-3f9a1c2b7d4e5f60/640.webp')
    assert.equal(mediaPath(media, 'original', 'image/jpeg'), '/media/12-3f9a1c2b7d4e5f60/original.jpg')
  })

  it('parses what it builds and nothing else', () => {
    assert.deepEqual(parseMediaPath('12-3f9a1c2b7d4e5f60', '640.webp'), { id: 12, hashPrefix: '3f9a1c2b7d4e5f60', variant: '640', ext: 'webp' })
    assert.equal(parseMediaPath('12-3f9a', '640.webp'), null)
    assert.equal(parseMediaPath('12-3f9a1c2b7d4e5f60', '../etc.webp'), null)
    assert.equal(parseMediaPath('12-3f9a1c2b7d4e5f60', '640.svg'), null)
  })

  it('lists copies narrowest first in srcset and picks up to 1024 px for src', () => {
    const files = [1024, 320, 640, 1600].map((w) => ({ url: `/m/${w}.webp`, width: w, height: w / 2, mime: 'image/webp' }))
    assert.equal(srcsetOf(files), '/m/320.webp 320w, /m/640.webp 640w, /m/1024.webp 1024w, /m/1600.webp 1600w')
    const original = { url: '/m/original.jpg', width: 4000, height: 2000, mime: 'image/jpeg' }
    assert.equal(defaultImageFile(files, original).width, 1024)
    assert.equal(defaultImageFile([], original), original)
  })
})
