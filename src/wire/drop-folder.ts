// An agency's delivery writes files into a folder on the server; each is taken by renaming it into
// processing/ (atomic on one file system, so two pollers never both take a file, and a file still being
// written under a temporary name is never read), and moved to done/ or failed/ afterwards, the reason for a
// failure written beside it.
import { mkdir, readdir, rename, stat, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

// Agencies and copy tools write under these names until a file is complete.
const INCOMPLETE = /^\.|\.(tmp|part|partial|filepart|crdownload)$|~$/i

export interface TakenFile { name: string, path: string }

export const DROP_SUBFOLDERS = ['processing', 'done', 'failed'] as const

export async function prepareDropFolder(folder: string): Promise<void> {
  for (const sub of DROP_SUBFOLDERS) await mkdir(join(folder, sub), { recursive: true })
}

/**
 * Puts files left in processing/ by a run that died (a crash, a restart) back in line. Only the poller
 * holding the source's lease calls this, so no other run is processing them now.
 */
export async function requeueUnfinishedFiles(folder: string): Promise<number> {
  await prepareDropFolder(folder)
  let moved = 0
  for (const name of await readdir(join(folder, 'processing'))) {
    try {
      await rename(join(folder, 'processing', name), join(folder, name))
      moved++
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
  }
  return moved
}

/** Takes up to `max` waiting files, oldest name first. A file another poller took first is skipped. */
export async function takeDropFiles(folder: string, max: number): Promise<TakenFile[]> {
  await prepareDropFolder(folder)
  const entries = await readdir(folder, { withFileTypes: true })
  const waiting = entries.filter((e) => e.isFile() && !INCOMPLETE.test(e.name)).map((e) => e.name).sort().slice(0, max)
  const taken: TakenFile[] = []
  for (const name of waiting) {
    const target = join(folder, 'processing', name)
    try {
      await rename(join(folder, name), target)
      taken.push({ name, path: target })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
  }
  return taken
}

/** The file's bytes, or why they are not read. */
export async function readTakenFile(file: TakenFile, maxBytes: number): Promise<{ ok: true, bytes: Buffer } | { ok: false, reason: string }> {
  const info = await stat(file.path)
  if (info.size > maxBytes) return { ok: false, reason: `the file is larger than ${maxBytes} bytes` }
  return { ok: true, bytes: await readFile(file.path) }
}

/** Moves a processed file to done/ or failed/; a name already there gets a numbered suffix, never overwritten. */
export async function finishDropFile(folder: string, file: TakenFile, outcome: { ok: true } | { ok: false, reason: string }): Promise<void> {
  const targetFolder = join(folder, outcome.ok ? 'done' : 'failed')
  let target = join(targetFolder, file.name)
  for (let n = 1; n < 1000; n++) {
    try {
      await stat(target)
      target = join(targetFolder, `${file.name}.${n}`)
    } catch {
      break
    }
  }
  await rename(file.path, target)
  if (!outcome.ok) await writeFile(`${target}.reason.txt`, outcome.reason + '\n')
}
