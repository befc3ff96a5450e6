// A synthetic news corpus in Armenian, Russian and English script for the search benchmark.
// Real text is not ours to ship, so each language gets a generated vocabulary whose words are built from
// that script's letters and sound patterns, with frequencies that follow Zipf's law as real text does:
// a few short words are everywhere, a long tail of longer words is rare. Everything is seeded, so every
// run builds the same corpus and asks the same queries.

/** mulberry32: small, fast and good enough for sampling. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6D2B79F5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface Script {
  edition: string
  consonants: string[]
  vowels: string[]
  /** Letters that sometimes carry a diacritic in real text (ё, é …), to exercise folding. */
  accented: [string, string][]
}

export const SCRIPTS: Script[] = [
  {
    edition: 'hy',
    consonants: [...'բգդզթժլխծկհձղճմյնշչպջռսվտրցփքֆ'],
    vowels: [...'աեէըիոօ'].concat(['ու', 'ու', 'ա', 'ե', 'ի']),
    accented: []
  },
  {
    edition: 'ru',
    consonants: [...'бвгджзклмнпрстфхцчшщ'].concat([...'нтсрвлкмд']),
    vowels: [...'аеиоуыэюяё'].concat([...'аеиоа']),
    accented: [['е', 'ё']]
  },
  {
    edition: 'en',
    consonants: [...'bcdfghjklmnprstvwz'].concat(['th', 'st', 'ch', 'sh', ...'nrtsl']),
    vowels: [...'aeiouy'].concat(['ea', 'ou', 'ai', 'e', 'a', 'o']),
    accented: [['e', 'é']]
  }
]

export const VOCABULARY_SIZE = 50_000
/** Zipf exponent; about 1 for news text. */
const ZIPF_S = 1.0

export interface Language {
  edition: string
  /** Words by rank: words[0] is the most frequent. */
  words: string[]
  sample(random: () => number): string
}

function makeWord(script: Script, random: () => number, syllables: number): string {
  let word = ''
  for (let i = 0; i < syllables; i++) {
    if (i > 0 || random() < 0.7) word += script.consonants[Math.floor(random() * script.consonants.length)]!
    word += script.vowels[Math.floor(random() * script.vowels.length)]!
    if (random() < 0.35) word += script.consonants[Math.floor(random() * script.consonants.length)]!
  }
  return word
}

export function buildLanguage(script: Script, seed: number): Language {
  const random = rng(seed)
  const words: string[] = []
  const seen = new Set<string>()
  while (words.length < VOCABULARY_SIZE) {
    const rank = words.length
    // Frequent words are short: one syllable for the top ranks, up to five in the tail.
    const syllables = 1 + Math.min(4, Math.floor(Math.log10(rank + 2) * (0.6 + random() * 0.7)))
    const word = makeWord(script, random, syllables)
    if (seen.has(word)) continue
    seen.add(word)
    words.push(word)
  }
  const cdf = new Float64Array(VOCABULARY_SIZE)
  let sum = 0
  for (let r = 0; r < VOCABULARY_SIZE; r++) cdf[r] = sum += 1 / Math.pow(r + 1, ZIPF_S)
  for (let r = 0; r < VOCABULARY_SIZE; r++) cdf[r]! /= sum
  return {
    edition: script.edition,
    words,
    sample(rand) {
      const x = rand()
      let lo = 0
      let hi = VOCABULARY_SIZE - 1
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (cdf[mid]! < x) lo = mid + 1
        else hi = mid
      }
      return words[lo]!
    }
  }
}

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1)

function sentence(language: Language, script: Script, random: () => number, min: number, max: number): string {
  const n = min + Math.floor(random() * (max - min + 1))
  const words: string[] = []
  for (let i = 0; i < n; i++) {
    let word = language.sample(random)
    for (const [plain, accented] of script.accented) if (random() < 0.05) word = word.replace(plain, accented)
    words.push(word)
  }
  words[0] = capitalise(words[0]!)
  // Now and then a proper name (a rarer word, capitalised) and a comma, as in news copy.
  if (n > 6 && random() < 0.5) words[3] = capitalise(language.words[500 + Math.floor(random() * 5000)]!)
  if (n > 8) words[Math.floor(n / 2)] += ','
  const stop = script.edition === 'hy' ? '։' : '.'
  return words.join(' ') + stop
}

export interface GeneratedArticle {
  edition: string
  headline: string
  lead: string
  /** Markdown: paragraphs separated by blank lines. */
  body: string
}

/** Article n of the corpus; the same n always gives the same article. */
export function generateArticle(languages: readonly Language[], n: number): GeneratedArticle {
  const language = languages[n % languages.length]!
  const script = SCRIPTS.find((s) => s.edition === language.edition)!
  const random = rng(0x5EED + n * 7919)
  const headline = sentence(language, script, random, 6, 12).replace(/[.։]$/, '')
  const lead = sentence(language, script, random, 18, 32)
  const paragraphs: string[] = []
  const count = 2 + Math.floor(random() * 4)
  for (let p = 0; p < count; p++) {
    const sentences: string[] = []
    const s = 2 + Math.floor(random() * 3)
    for (let i = 0; i < s; i++) sentences.push(sentence(language, script, random, 8, 22))
    paragraphs.push(sentences.join(' '))
  }
  return { edition: language.edition, headline, lead, body: paragraphs.join('\n\n') }
}

export function buildLanguages(): Language[] {
  return SCRIPTS.map((script, i) => buildLanguage(script, 1000 + i))
}
