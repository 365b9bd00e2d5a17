/**
 * `npx tsx bench/library/run.ts [--articles N] [--annotations N] [--library FILE] [--cold]`:
 * prints the library benchmark's Markdown. Defaults to the size (100,000
 * articles, 1,000,000 annotations); --library keeps the generated file for reruns;
 * --cold adds later pages walked with the file out of the OS page cache (leaves it cold).
 */
import { runLibraryBench } from './bench'

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

const articles = Number(arg('articles') ?? 100_000)
const annotations = Number(arg('annotations') ?? articles * 10)
if (!Number.isInteger(articles) || articles < 1 || !Number.isInteger(annotations) || annotations < 0) {
  console.error('bench/library: --articles and --annotations take whole numbers, e.g. --articles 10000')
  process.exit(2)
}
runLibraryBench({ articles, annotations, libraryPath: arg('library'), cold: process.argv.includes('--cold') })
  .then((md) => process.stdout.write(`${md}\n`))
  .catch((e) => {
    console.error(`bench/library: ${(e as Error).stack ?? e}`)
    process.exit(1)
  })
