/**
 * Child process of the kill test: a stream of user writes through the API
 * dispatcher (settings, reading progress, article note, highlights created,
 * edited and deleted), printing one `ACK` line after each write has committed.
 * It runs until killed. stdout to a pipe is synchronous on Linux, so an ACK the
 * parent has read was written after its commit.
 *
 * argv: <library> <first n> <seed> [pause between writes, ms; default none]
 */
import { COLORS } from '../../../shared/model'
import { Library } from '../library'
import { appHandlers } from '../service/app-handlers'
import { annotationHandlers } from '../service/annotation-handlers'
import { articleHandlers } from '../service/article-handlers'
import { dispatch, type Handlers } from '../service/dispatch'
import { rng } from './random'

/** A child that is never killed stops by itself after this many writes. */
const MAX_WRITES = 200_000

const [path, firstN, seed, pauseMs] = process.argv.slice(2)
const pause = Number(pauseMs ?? 0)
const lib = Library.open(path)
// The writes this child makes need no import machinery; the rest of the API is absent.
const handlers = { ...appHandlers(lib, { version: 'test', mode: 'browser' }), ...articleHandlers(lib), ...annotationHandlers(lib) } as Handlers
const random = rng(Number(seed))
const articles = lib.db.prepare('SELECT a.id, length(c.text) AS len FROM articles a JOIN article_content c ON c.article_rowid = a.rowid ORDER BY a.rowid').all() as {
  id: string
  len: number
}[]
const live = (lib.db.prepare('SELECT id FROM annotations WHERE deleted_at IS NULL').all() as { id: string }[]).map((r) => r.id)
const out = (line: string) => process.stdout.write(`${line}\n`)

async function call(method: string, args: unknown): Promise<unknown> {
  const r = await dispatch(handlers, method, args, { transport: 'test' })
  if (!r.ok) {
    out(`ERR ${method} ${r.error.code} ${r.error.message}`)
    process.exit(3)
  }
  return r.result
}

async function run(): Promise<void> {
  out('READY')
  for (let n = Number(firstN); n < Number(firstN) + MAX_WRITES; n++) {
    if (pause > 0) await new Promise((ok) => setTimeout(ok, pause))
    const kind = n % 5
    if (kind === 0) {
      await call('settings.set', { key: 'reader', value: JSON.stringify({ n }) })
      out(`ACK set ${n}`)
    } else if (kind === 1) {
      await call('articles.setProgress', { id: articles[0].id, progress: n / 1e9 })
      out(`ACK progress ${n}`)
    } else if (kind === 2) {
      await call('articles.setNote', { id: articles[1].id, note: `n=${n}` })
      out(`ACK note ${n}`)
    } else if (kind === 3 || live.length === 0) {
      const a = articles[Math.floor(random() * articles.length)]
      const start = Math.floor(random() * (a.len - 10))
      const end = start + 3 + Math.floor(random() * 7)
      const color = COLORS[Math.floor(random() * COLORS.length)]
      const made = (await call('annotations.create', { articleId: a.id, start, end, color, note: `n=${n}`, tags: [`kill/t${n % 3}`] })) as {
        id: string
        note: string
      }
      // Asking again for the same words and colour returns the existing highlight.
      if (made.note === `n=${n}`) live.push(made.id)
      out(made.note === `n=${n}` ? `ACK create ${made.id} ${n}` : `ACK exists ${made.id}`)
    } else {
      const i = Math.floor(random() * live.length)
      const id = live[i]
      if (random() < 0.25) {
        await call('annotations.delete', { id })
        live.splice(i, 1)
        out(`ACK delete ${id}`)
      } else {
        await call('annotations.update', { id, note: `n=${n}` })
        out(`ACK update ${id} ${n}`)
      }
    }
  }
  lib.close()
}

void run()
