/**
 * `npm run bench [-- <suite>… --articles N]`: runs the benchmarks (import,
 * import-html, anchoring, library, reader, export; all by default), prints their
 * Markdown and appends it to bench/RESULTS.md with the machine and the command.
 */
import { appendFileSync } from 'node:fs'
import { machineLine } from './machine'
import { runAnchoringBench } from './anchoring/anchoring'
import { runExportBench } from './export/bench'
import { runHtmlImportBench } from './import/html'
import { runImportBench } from './import/plain-text'
import { runLibraryBench } from './library/bench'
import { runReaderBench } from './reader/run'

type Suite = (args: Map<string, string>) => Promise<string>

const SUITES: Record<string, Suite> = {
  import: (a) => runImportBench((a.get('sizes') ?? '10000,100000').split(',').map(Number)),
  'import-html': () => runHtmlImportBench(),
  anchoring: () => runAnchoringBench(),
  library: (a) =>
    runLibraryBench({
      articles: Number(a.get('articles') ?? 100_000),
      annotations: Number(a.get('annotations') ?? 1_000_000),
      libraryPath: a.get('library')
    }),
  reader: () => runReaderBench(),
  export: (a) =>
    runExportBench({
      articles: a.has('articles') ? Number(a.get('articles')) : undefined,
      annotations: a.has('annotations') ? Number(a.get('annotations')) : undefined,
      keepDir: a.get('keep')
    })
}

function parseArgs(argv: string[]): { suites: string[]; opts: Map<string, string> } {
  const suites: string[] = []
  const opts = new Map<string, string>()
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--')) opts.set(argv[i].slice(2), argv[++i] ?? '')
    else suites.push(argv[i])
  }
  return { suites: suites.length ? suites : Object.keys(SUITES), opts }
}

async function main(): Promise<void> {
  const { suites, opts } = parseArgs(process.argv.slice(2))
  const unknown = suites.filter((s) => !SUITES[s])
  if (unknown.length) {
    console.error(`bench: unknown suite ${unknown.join(', ')} — choose from ${Object.keys(SUITES).join(', ')}`)
    process.exit(2)
  }
  const sections: string[] = []
  for (const s of suites) sections.push(await SUITES[s](opts))
  const header = `## ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — \`npm run bench -- ${process.argv.slice(2).join(' ')}\`\n\nMachine: ${machineLine()}\n`
  const text = `${header}\n${sections.join('\n\n')}\n\n`
  process.stdout.write(text)
  appendFileSync(new URL('./RESULTS.md', import.meta.url), text)
}

main().catch((e) => {
  console.error(`bench: ${(e as Error).stack ?? e}`)
  process.exit(1)
})
