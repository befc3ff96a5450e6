// What every `lede <command>` does first: parse its arguments strictly, answer --help, and refuse a bad
// argument with the message and the command's usage, so every command fails the same readable way.
import { parseArgs, type ParseArgsConfig } from 'node:util'

/** Where a command writes; tests pass their own. */
export interface CommandOutput { out(line: string): void, err(line: string): void }

type OptionsConfig = NonNullable<ParseArgsConfig['options']>
type Parsed<O extends OptionsConfig> = ReturnType<typeof parseArgs<{ args: string[], allowPositionals: true, strict: true, options: O }>>

/**
 * Parses `args` against `options` (which should include `help`). Returns the parsed values, or the exit
 * code the command should end with at once: 0 after printing the usage for --help, 2 after a bad argument.
 */
export function parseCommandArgs<O extends OptionsConfig>(command: string, usage: string, args: string[], options: O, io: CommandOutput): Parsed<O> | number {
  let parsed: Parsed<O>
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options })
  } catch (error) {
    return usageError(command, usage, error instanceof Error ? error.message : String(error), io)
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.out(usage)
    return 0
  }
  return parsed
}

/** Prints what is wrong and the usage; the exit code for bad arguments. */
export function usageError(command: string, usage: string, message: string, io: CommandOutput): 2 {
  io.err(`lede ${command}: ${message}\n\n${usage}`)
  return 2
}
