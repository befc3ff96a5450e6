import { openDatabase } from '../../src/db/dialect.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { rebuildSearchIndex } from '../../src/db/repositories/search.repository.js'
import { saveSettings } from '../../src/db/repositories/settings.repository.js'
import { seedCorpus } from '../search/seed.js'
const N = Number(process.env.N ?? 200000)
const { db, close } = openDatabase(process.env.PG ? { kind: 'postgres', url: process.env.PG, schema: process.env.SCHEMA } : { kind: 'sqlite', path: process.env.FILE! })
await migrateToLatest(db)
await saveSettings(db, { siteName: 'Lede Bench', timeZone: 'Asia/Yerevan', editions: ['hy', 'ru', 'en'], defaultEdition: 'en' })
let t = performance.now()
await seedCorpus(db, N, () => {})
console.log('seed', ((performance.now() - t) / 1000).toFixed(1))
t = performance.now()
await rebuildSearchIndex(db)
console.log('index', ((performance.now() - t) / 1000).toFixed(1))
await close()
