/**
 * The command line: `npm run scholia -- <command>`. Same core as the app; errors
 * are one line on stderr and a non-zero exit.
 */
import { Command, CommanderError } from 'commander'
import { ScholiaError } from '../shared/errors'
import { annotationsCommand, highlightCommand } from './cli/annotations'
import { VERSION, type GlobalOptions } from './cli/context'
import { registerExportCommand } from './cli/export'
import { importCommand } from './cli/import'
import { registerLibraryCommands } from './cli/library-commands'
import { backupCommand, checkCommand } from './cli/maintenance'
import { restoreCommand } from './cli/restore'
import { serveCommand } from './cli/serve'

const collect = (value: string, previous: string[] = []): string[] => [...previous, value]

function program(set: (code: number) => void): Command {
  const p = new Command('scholia')
    .description('Read, annotate and export articles — offline.')
    .version(VERSION)
    .option('--db <file>', 'library file (default: the desktop app’s library, or $SCHOLIA_DB)')
    .option('--json', 'machine-readable output (JSON Lines)')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(`${str.trim().split('\n')[0]} — run 'scholia --help'\n`) })
  const g = (cmd: Command): GlobalOptions => cmd.optsWithGlobals()

  p.command('import')
    .description('import files, folders or URLs (.jsonld, .json and .scholia files: a teammate’s notes)')
    .argument('<paths...>', 'files or folders')
    .option('--tag <tag>', 'tag every imported article (repeatable)', collect)
    .action(async (paths: string[], _o, cmd: Command) => set(await importCommand(paths, g(cmd))))
  registerLibraryCommands(p, g, set)
  registerExportCommand(p, g, set)
  p.command('serve')
    .description('serve the app in a browser on 127.0.0.1 (browser mode)')
    .option('--port <n>', 'port to listen on (default: a free one)')
    .action(async (_o, cmd: Command) => set(await serveCommand(g(cmd))))
  p.command('check')
    .description('check the library file and its search indexes')
    .action((_o, cmd: Command) => set(checkCommand(g(cmd))))
  p.command('backup')
    .description('copy the library to a new file (safe while the app runs)')
    .argument('<out>', 'backup file to create')
    .action(async (out: string, _o, cmd: Command) => set(await backupCommand(out, g(cmd))))
  p.command('restore')
    .description('replace the library with a backup (the current file is kept aside, never deleted)')
    .argument('<backup>', 'backup file to restore')
    .action((backup: string, _o, cmd: Command) => set(restoreCommand(backup, g(cmd))))
  p.command('highlight')
    .description('highlight a quote in an article (exact words; --prefix/--suffix pick among repeats)')
    .argument('<article-id>', 'article to annotate')
    .requiredOption('--quote <text>', 'the words to highlight, exactly as in the article')
    .option('--prefix <text>', 'text just before the quote, to choose among repeats')
    .option('--suffix <text>', 'text just after the quote, to choose among repeats')
    .option('--note <markdown>', 'note attached to the highlight')
    .option('--color <color>', 'yellow, green, blue, pink, purple or orange (default yellow)')
    .option('--tag <tag>', 'tag the highlight (repeatable)', collect)
    .action((id: string, _o, cmd: Command) => set(highlightCommand(id, g(cmd) as Parameters<typeof highlightCommand>[1])))
  p.command('annotations')
    .description("list an article's annotations in reading order (orphaned ones last)")
    .argument('<article-id>', 'article whose annotations to list')
    .action((id: string, _o, cmd: Command) => set(annotationsCommand(id, g(cmd))))
  return p
}

export async function main(argv: string[]): Promise<number> {
  let code = 0
  const p = program((c) => (code = c))
  try {
    await p.parseAsync(argv, { from: 'user' })
    return code
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2
    const msg = e instanceof ScholiaError ? e.message : (e as Error)?.message ?? String(e)
    process.stderr.write(`error: ${msg.split('\n')[0]}\n`)
    return 1
  }
}

const isEntry = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop() ?? '')
if (isEntry) main(process.argv.slice(2)).then((code) => process.exit(code))
