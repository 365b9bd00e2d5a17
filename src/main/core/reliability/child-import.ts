/**
 * Child process of the kill test: the CLI's import of a folder (the same
 * itemsFromPaths + importItems path, worker threads included), printing
 * `ACK import <source>` once each file's articles have committed, and `DONE`.
 *
 * argv: <library> <folder> [articles per transaction; default: the pipeline's]
 */
import { itemsFromPaths } from '../import/items'
import { importItems } from '../import/pipeline'
import { Library } from '../library'

const [path, folder, group] = process.argv.slice(2)
const out = (line: string) => process.stdout.write(`${line}\n`)

async function run(): Promise<void> {
  const lib = Library.open(path)
  out('READY')
  const items = await itemsFromPaths([folder])
  let acked = 0
  const report = await importItems(lib, items, {
    groupMaxArticles: group ? Number(group) : undefined,
    // Progress counts files whose articles are committed (they are committed in groups): every item before `done`.
    onProgress: ({ done }) => {
      for (; acked < done; acked++) out(`ACK import ${items[acked].source}`)
    }
  })
  for (const o of report.outcomes) if ('error' in o) out(`FAILED ${o.error}`)
  lib.close()
  out('DONE')
}

void run()
