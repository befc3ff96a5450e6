// Fastify compiles every route's validation and response schemas for each app it builds, with Ajv and
// fast-json-stringify: about 45 % of the time to build the app (measured with --cpu-prof on 40 builds).
// A process builds many apps only in tests, but every process pays it at start-up. These factories keep
// the compiled functions for the life of the process, keyed by the schema's JSON, so the second app (or
// the same schema on another route) gets them for the price of a lookup. A compiled validator or
// serializer is a pure function of its schema and options, so sharing it changes nothing else.
import { AjvCompiler } from '@fastify/ajv-compiler'
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler'
import type { FastifyServerOptions } from 'fastify'

type Factories = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>
type ValidatorFactory = NonNullable<Factories['buildValidator']>
type SerializerFactory = NonNullable<Factories['buildSerializer']>

function memoised<R extends { schema?: unknown }, F>(compile: (route: R) => F, cache: Map<string, F>): (route: R) => F {
  return (route) => {
    const key = JSON.stringify(route.schema)
    let compiled = cache.get(key)
    if (!compiled) {
      compiled = compile(route)
      cache.set(key, compiled)
    }
    return compiled
  }
}

const validatorPools = new Map<string, Map<string, unknown>>()
const ajvPool: ValidatorFactory = AjvCompiler()

const buildValidator: ValidatorFactory = (externalSchemas, options) => {
  const poolKey = JSON.stringify([externalSchemas, options])
  let cache = validatorPools.get(poolKey)
  if (!cache) validatorPools.set(poolKey, cache = new Map())
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return memoised(ajvPool(externalSchemas, options) as any, cache as Map<string, any>)
}

const serializerPools = new Map<string, Map<string, unknown>>()
const fjsSelector: SerializerFactory = SerializerSelector()

const buildSerializer: SerializerFactory = (externalSchemas, options) => {
  const poolKey = JSON.stringify([externalSchemas, options])
  let cache = serializerPools.get(poolKey)
  if (!cache) serializerPools.set(poolKey, cache = new Map())
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return memoised(fjsSelector(externalSchemas, options) as any, cache as Map<string, any>)
}

export const sharedSchemaCompilers: Factories = { buildValidator, buildSerializer }
