import type { GlobalOptions } from './context'
import { openLibrary, VERSION } from './context'
import { ensureRendererBuilt } from './renderer-build'
import { createHandlers } from '../core/service/handlers'
import { seedSamples } from '../core/samples'
import { startAutoBackups } from '../core/maintenance/auto-backup'
import { markLibraryOpen } from '../core/maintenance/in-use'
import { startServer } from '../serve'

/** `scholia serve`: runs until interrupted. */
export async function serveCommand(opts: GlobalOptions & { port?: string }): Promise<number> {
  const port = opts.port === undefined ? 0 : Number(opts.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port ${opts.port} is not a port number — give a number from 1 to 65535, or leave it out`)
  await serveLibrary(opts, await ensureRendererBuilt(), port)
  return 0
}

/**
 * Opens the library and serves `rendererDir` and the API until SIGINT/SIGTERM.
 * While it runs, the library is marked open, so `scholia restore` refuses.
 */
export async function serveLibrary(opts: GlobalOptions, rendererDir: string, port: number): Promise<void> {
  const lib = openLibrary(opts)
  const held = markLibraryOpen(lib.path, 'scholia serve')
  try {
    await seedSamples(lib)
    const backups = startAutoBackups(lib)
    const server = await startServer({ lib, handlers: createHandlers(lib, { version: VERSION, mode: 'browser' }), rendererDir, port })
    process.stdout.write(opts.json ? `${JSON.stringify({ url: server.url, port: server.port, library: lib.path })}\n` : `Scholia is serving ${lib.path}\nOpen ${server.url}\n`)
    await new Promise<void>((done) => {
      const stop = () => done()
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
    await server.close()
    backups.stop()
  } finally {
    lib.close()
    held.release()
  }
}
