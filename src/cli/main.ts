// `lede <command>`: one program for every operator task. Each command has --help.
import { parseArgs } from 'node:util'
import { ConfigError } from '../config.js'
import { migrateToLatest } from '../db/migrate.js'
import { countArticles } from '../db/repositories/articles.repository.js'
import { seedDemoContent } from '../services/demo.service.js'
import { withCommandDeps } from './command-database.js'
import { parseCommandArgs } from './command-args.js'
import { startServer } from '../server.js'
import { COMMENTS_USAGE, runCommentsCommand } from './comments.command.js'
import { BACKUP_USAGE, RESTORE_USAGE, runBackupCommand, runRestoreCommand } from './backup.command.js'
import { EXPORT_USAGE, runExportCommand } from './export.command.js'
import { IMPORT_USAGE, runImportCommand } from './import.command.js'
import { USER_USAGE, runUserCommand } from './user.command.js'
import { WIRE_USAGE, runWireCommand } from './wire.command.js'

interface Command {
  summary: string
  usage: string
  run(args: string[]): Promise<number>
}

const ENVIRONMENT_HELP = `Environment:
  DATABASE_URL   postgres://… to use PostgreSQL; unset for the embedded SQLite file
  DATABASE_PATH  SQLite file (default ./data/lede.db)`

const commands: Record<string, Command> = {
  comments: { summary: 'Erase a commenter\'s personal data (lede comments erase --email …)', usage: COMMENTS_USAGE, run: (args) => runCommentsCommand(args) },
  wire: { summary: 'Wire desk: sources, ingesting agency files, the inbox (lede wire sources list)', usage: WIRE_USAGE, run: (args) => runWireCommand(args) },
  backup: { summary: 'Copy the running SQLite site to a file (lede backup FILE)', usage: BACKUP_USAGE, run: (args) => runBackupCommand(args) },
  restore: { summary: 'Put a backup back while the site is stopped (lede restore FILE)', usage: RESTORE_USAGE, run: (args) => runRestoreCommand(args) },
  export: { summary: 'Write an edition as a WordPress export file (lede export wordpress site.xml [--edition LANG])', usage: EXPORT_USAGE, run: (args) => runExportCommand(args) },
  import: { summary: 'Import a WordPress export (lede import wordpress export.xml [--dry-run] [--media-dir DIR])', usage: IMPORT_USAGE, run: (args) => runImportCommand(args) },
  user: { summary: 'Create accounts, reset passwords, list accounts (lede user create --email … --name … --role …)', usage: USER_USAGE, run: (args) => runUserCommand(args) },
  serve: {
    summary: 'Migrate the database, load demo content on the first run, and serve the site',
    usage: `Usage: lede serve [--workers N]

Serves the site on HOST:PORT (default localhost:3000). On the first run it creates and migrates the
database and, unless SEED_DEMO=false, loads the demo content.

  --workers N    app processes sharing the port (default: WORKERS, else the number of cores); with more
                 than one, a primary process prepares the database, supervises the workers (replacing
                 one that dies) and stops them gracefully on SIGTERM

${ENVIRONMENT_HELP}
  HOST, PORT     where to listen
  SITE_URL       the public URL of the site (canonical links)
  SEED_DEMO      load demo content into a new database (default true)
  LOG_LEVEL      fatal, error, warn, info (default), debug, trace, silent
  WORKERS        app processes (default: the number of cores)`,
    async run(args) {
      const parsed = parseCommandArgs('serve', commands.serve!.usage, args, { workers: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, { out: console.log, err: console.error })
      if (typeof parsed === 'number') return parsed
      await startServer(parsed.values.workers === undefined ? process.env : { ...process.env, WORKERS: parsed.values.workers })
      return 0
    }
  },
  migrate: {
    summary: 'Bring the database schema up to date',
    usage: `Usage: lede migrate

Applies every migration that has not run yet, and prints their names.

${ENVIRONMENT_HELP}`,
    async run() {
      const applied = await withCommandDeps((deps) => migrateToLatest(deps.db), { migrate: false })
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.')
      return 0
    }
  },
  'seed-demo': {
    summary: 'Load the demo content into an empty database',
    usage: `Usage: lede seed-demo

Migrates the database, then loads the demo articles and comments. Refuses when articles exist.

${ENVIRONMENT_HELP}`,
    async run() {
      return withCommandDeps(async (deps) => {
        if (await countArticles(deps.db) > 0) {
          console.error('lede seed-demo: the database already has articles; demo content is only loaded into an empty one.')
          return 1
        }
        const result = await seedDemoContent(deps)
        console.log(`Loaded ${result.articles} demo articles and ${result.comments} comments.`)
        return 0
      })
    }
  }
}

function mainHelp(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length))
  return `Usage: lede <command> [options]

Commands:
${Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`).join('\n')}

Run "lede <command> --help" for a command's options.`
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(mainHelp())
    return 0
  }
  const command = commands[name]
  if (!command) {
    console.error(`lede: unknown command "${name}"\n\n${mainHelp()}`)
    return 2
  }
  const { values } = parseArgs({ args: rest, options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: false })
  if (values.help) {
    console.log(command.usage)
    return 0
  }
  try {
    return await command.run(rest)
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`lede: configuration error: ${error.message}`)
      return 2
    }
    console.error(`lede ${name}: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  }
}
