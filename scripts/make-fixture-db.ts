/**
 * Writes the migration fixture of the current schema version:
 * `src/main/core/db/fixtures/v<LATEST_VERSION>.db`, a small library with one of
 * everything a user makes (see src/main/core/testing/sample-data.ts), made by the
 * code of that version.
 *
 * Run it once when a schema version is released (`npx tsx scripts/make-fixture-db.ts`)
 * and commit the file (`git add -f`, *.db is ignored). A released fixture is never
 * regenerated: `fixtures.test.ts` upgrades every one of them to the latest schema
 * and checks that nothing was lost. Pass --force to replace an unreleased one.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { LATEST_VERSION } from '../src/main/core/db/migrations'
import { Library } from '../src/main/core/library'
import { fillSampleData } from '../src/main/core/testing/sample-data'

const FIXTURES_DIR = fileURLToPath(new URL('../src/main/core/db/fixtures/', import.meta.url))

function main(): number {
  const out = join(FIXTURES_DIR, `v${LATEST_VERSION}.db`)
  if (existsSync(out) && !process.argv.includes('--force')) {
    process.stderr.write(`${out} exists — released fixtures are never regenerated; pass --force if v${LATEST_VERSION} is unreleased\n`)
    return 1
  }
  const dir = mkdtempSync(join(tmpdir(), 'scholia-fixture-'))
  try {
    const lib = Library.open(join(dir, 'library.db'))
    fillSampleData(lib)
    rmSync(out, { force: true })
    // One self-contained file (no -wal beside it), compacted.
    lib.db.prepare('VACUUM INTO ?').run(out)
    lib.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  process.stdout.write(`wrote ${out}\n`)
  return 0
}

process.exit(main())
