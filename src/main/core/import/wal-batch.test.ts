import { afterEach, describe, expect, it } from 'vitest'
import { tempLibrary } from '../testing/temp-library'
import { itemsFromContent } from './items'
import { importItems, POOL_MIN_ITEMS } from './pipeline'
import { BATCH_WAL_AUTOCHECKPOINT, beginWalBatch } from './wal-batch'

let t: ReturnType<typeof tempLibrary>
afterEach(() => t?.dispose())

const setting = (): number => t.lib.db.pragma('wal_autocheckpoint', { simple: true }) as number

describe('checkpoints during a batch import', () => {
  it('are spaced out while batches run and back to the usual interval when the last one ends', () => {
    t = tempLibrary()
    const usual = setting()
    const endA = beginWalBatch(t.lib)
    const endB = beginWalBatch(t.lib)
    expect(setting()).toBe(BATCH_WAL_AUTOCHECKPOINT)
    endA()
    endA()
    expect(setting()).toBe(BATCH_WAL_AUTOCHECKPOINT)
    endB()
    expect(setting()).toBe(usual)
  })

  it('leave the WAL checkpointed after a batch import, with every article stored', async () => {
    t = tempLibrary()
    const usual = setting()
    const files = Array.from({ length: POOL_MIN_ITEMS + 2 }, (_, i) => ({ name: `n${i}.txt`, base64: Buffer.from(`Note ${i}\n\nA paragraph about item ${i} of the batch.\n`).toString('base64') }))
    const report = await importItems(t.lib, itemsFromContent(files))
    expect(report.outcomes.filter((o) => 'status' in o && o.status === 'created')).toHaveLength(files.length)
    expect(setting()).toBe(usual)
    const [row] = t.lib.db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[]
    expect(row.checkpointed).toBe(row.log)
  })
})
