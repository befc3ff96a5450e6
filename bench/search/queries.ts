// The benchmark's query mix: what readers type, in the three scripts. Seeded, so every run asks the same.
import { generateArticle, rng, type Language } from './corpus.js'

export type QueryKind = 'common word' | 'mid word' | 'rare word' | 'two words' | 'phrase' | 'prefix' | 'all editions' | 'page 2'

export interface BenchQuery { kind: QueryKind, url: string }

const PREFIX: Record<string, string> = { en: '', ru: '/ru', hy: '/hy' }

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!
}

/** Words of an article's body as the tokenizer sees them (lower case, no punctuation). */
function bodyWords(languages: readonly Language[], n: number): string[] {
  return generateArticle(languages, n).body.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean)
}

export function benchQueries(languages: readonly Language[], articleCount: number, count: number): BenchQuery[] {
  const random = rng(2026)
  const rank = (from: number, to: number) => from + Math.floor(random() * (to - from))
  const queries: BenchQuery[] = []
  // Shares of the mix, in order; they add up to 1.
  const mix: [QueryKind, number][] = [
    ['common word', 0.2], ['mid word', 0.15], ['rare word', 0.1], ['two words', 0.15], ['phrase', 0.15],
    ['prefix', 0.15], ['all editions', 0.05], ['page 2', 0.05]
  ]
  for (let i = 0; i < count; i++) {
    let x = random()
    let kind: QueryKind = mix[0]![0]
    for (const [k, share] of mix) {
      if (x < share) { kind = k; break }
      x -= share
    }
    const language = pick(random, languages)
    const words = language.words
    // An article in this language, for words that occur together.
    const article = Math.floor(random() * (articleCount / languages.length)) * languages.length + languages.indexOf(language)
    let q: string
    let extra = ''
    switch (kind) {
      case 'common word': q = `${words[rank(0, 200)]} `; break
      case 'mid word': q = `${words[rank(200, 5000)]} `; break
      case 'rare word': q = `${words[rank(5000, words.length)]} `; break
      case 'two words': {
        // Half the time two words from one story (they co-occur), half two independent ones.
        const body = bodyWords(languages, article)
        q = random() < 0.5 ? `${pick(random, body)} ${pick(random, body)} ` : `${words[rank(0, 3000)]} ${words[rank(0, 20000)]} `
        break
      }
      case 'phrase': {
        const body = bodyWords(languages, article)
        const length = 2 + Math.floor(random() * 2)
        const start = Math.floor(random() * Math.max(1, body.length - length))
        q = `"${body.slice(start, start + length).join(' ')}"`
        break
      }
      case 'prefix': {
        const word = words[rank(20, 5000)]!
        const stem = [...word].slice(0, 3 + Math.floor(random() * 3)).join('')
        q = random() < 0.3 ? `${words[rank(0, 2000)]} ${stem}` : stem
        break
      }
      case 'all editions': q = `${words[rank(0, 5000)]} `; extra = '&scope=all'; break
      case 'page 2': q = `${words[rank(0, 1000)]} `; extra = '&page=2'; break
    }
    queries.push({ kind, url: `${PREFIX[language.edition]}/search?q=${encodeURIComponent(q)}${extra}` })
  }
  return queries
}
