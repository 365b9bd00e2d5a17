/**
 * Small and read-only filesystems for the disk tests. Needs root and permission
 * to mount (a container may refuse); callers skip with the reason returned.
 * chmod is no test here: root writes through it.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'

function run(cmd: string, args: string[]): string | null {
  try {
    execFileSync(cmd, args, { stdio: 'pipe' })
    return null
  } catch (e) {
    const err = e as { stderr?: Buffer; message: string }
    return (err.stderr?.toString().trim() || err.message).split('\n')[0]
  }
}

/** Mounts a tmpfs of `sizeKb` on `dir`; returns null, or why it cannot be done here. */
export function mountTmpfs(dir: string, sizeKb: number): string | null {
  if (process.platform !== 'linux') return 'tmpfs mounts are a Linux feature'
  if (process.getuid?.() !== 0) return 'mounting a small tmpfs needs root'
  const failed = run('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir])
  return failed ? `mount refused: ${failed}` : null
}

/** Grows (or shrinks) a tmpfs mounted by mountTmpfs. */
export function resizeTmpfs(dir: string, sizeKb: number): void {
  execFileSync('mount', ['-o', `remount,size=${sizeKb}k`, dir])
}

/** Shows folder `src` read-only at `view` (a read-only bind mount). */
export function mountReadOnly(src: string, view: string): string | null {
  if (process.platform !== 'linux') return 'bind mounts are a Linux feature'
  if (process.getuid?.() !== 0) return 'a read-only bind mount needs root'
  const failed = run('mount', ['--bind', '-o', 'ro', src, view])
  if (failed) return `mount refused: ${failed}`
  // Older kernels ignore ro on the first bind; remount to apply it.
  run('mount', ['-o', 'remount,ro,bind', view])
  return null
}

export function unmount(dir: string): void {
  run('umount', [dir])
}

/** Makes a file immutable (even to root) with chattr +i; returns null or why not. */
export function makeImmutable(path: string, on = true): string | null {
  const failed = run('chattr', [on ? '+i' : '-i', path])
  return failed ? `chattr refused: ${failed}` : null
}

/** A test context that can skip the test (vitest's `ctx`). */
export interface Skippable {
  skip(reason: string): void
}

/**
 * The mounts a test makes under its work folder, undone after each test by
 * `unmountAll`. A test the machine cannot mount for is skipped with the reason.
 */
export class TestDisks {
  private mounted: string[] = []

  constructor(private readonly workDir: () => string) {}

  /** A new folder `name` under the work folder, mounted as a tmpfs of `kb`. */
  small(ctx: Skippable, name: string, kb: number): string {
    const dir = join(this.workDir(), name)
    mkdirSync(dir)
    const refused = mountTmpfs(dir, kb)
    if (refused) ctx.skip(refused)
    this.mounted.push(dir)
    return dir
  }

  /** Folder `src` shown read-only at `<src>-ro` (created, with `src`, when missing); returns the read-only path. */
  readOnlyView(ctx: Skippable, src: string): string {
    const view = `${src}-ro`
    mkdirSync(src, { recursive: true })
    mkdirSync(view)
    const refused = mountReadOnly(src, view)
    if (refused) ctx.skip(refused)
    this.mounted.push(view)
    return view
  }

  /** Unmounts everything, the last mounted first. */
  unmountAll(): void {
    for (const m of this.mounted.splice(0).reverse()) unmount(m)
  }
}
