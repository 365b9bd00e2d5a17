/**
 * `npx tsx bench/export/run.ts [--articles N] [--annotations N] [--keep DIR]`:
 * prints the export benchmark's Markdown. Defaults to the size
 * (10,000 articles, 100,000 annotations); --keep reuses generated libraries.
 */
import { runExportBench } from './bench'

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

const articles = Number(arg('articles') ?? 10_000)
const annotations = Number(arg('annotations') ?? articles * 10)
if (!Number.isInteger(articles) || articles < 1 || !Number.isInteger(annotations) || annotations < 0) {
  console.error('bench/export: --articles and --annotations take whole numbers, e.g. --articles 1000')
  process.exit(2)
}
runExportBench({ articles, annotations, keepDir: arg('keep') })
  .then((md) => process.stdout.write(`${md}\n`))
  .catch((e) => {
    console.error(`bench/export: ${(e as Error).stack ?? e}`)
    process.exit(1)
  })
