// Counts the SQL statements an app runs, for tests that guard against N+1 queries. A Kysely plugin on
// the app's database handle (db.withPlugin), so it sees every query the repositories run, on both
// engines, without touching the driver or test/helper.ts.
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely'
import type { Db } from '../src/db/database.js'

export class QueryCounter implements KyselyPlugin {
  #pending = new Map<string, RootOperationNode>()
  /** The statements executed since the last reset(), in order. */
  executed: RootOperationNode[] = []
  #db: Db | undefined

  get count(): number { return this.executed.length }

  reset(): void {
    this.executed = []
  }

  /** The database handle to give the app: the same connections, with this counter on every query. */
  wrap(db: Db): Db {
    this.#db = db.withPlugin(this)
    return this.#db
  }

  /** The SQL of each statement executed since the last reset, for failure messages. */
  statements(): string[] {
    const executor = this.#db?.getExecutor()
    return this.executed.map((node) => executor ? executor.compileQuery(node, { queryId: 'listing' }).sql : node.kind)
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    // Queries that are compiled but never run (query.compile()) leave an entry here and are not counted.
    this.#pending.set(args.queryId.queryId, args.node)
    return args.node
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const node = this.#pending.get(args.queryId.queryId)
    this.#pending.delete(args.queryId.queryId)
    if (node) this.executed.push(node)
    return args.result
  }
}
