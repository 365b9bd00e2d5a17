/**
 * Child process of the kill test: the CLI's import of a folder (the same
 * itemsFromPaths + importItems path, worker threads included), printing
 * `ACK import <source>` once each file's articles have committed, and `DONE`.
 *
 * argv: <library> <folder>
 */
import { itemsFromPaths } from '../import/items'
import { importItems } from '../import/pipeline'
import { Library } from '../library'

const [path, folder] = process.argv.slice(2)
const out = (line: string) => process.stdout.write(`${line}\n`)

async function run(): Promise<void> {
  const lib = Library.open(path)
  out('READY')
  const items = await itemsFromPaths([folder])
  let acked = 0
  const report = await importItems(lib, items, {
    // Progress reports `done` before it awaits item `done`: every item before it has been written.
    onProgress: ({ done }) => {
      for (; acked < done; acked++) out(`ACK import ${items[acked].source}`)
    }
  })
  for (const o of report.outcomes) if ('error' in o) out(`FAILED ${o.error}`)
  lib.close()
  out('DONE')
}

void run()
