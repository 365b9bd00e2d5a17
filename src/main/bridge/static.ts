import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { SECURITY_HEADERS } from './security'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
}

function decoded(urlPath: string): string | null {
  try {
    return decodeURIComponent(urlPath)
  } catch {
    return null
  }
}

/** The real path of a file inside root (symlinks followed), or null for anything else. */
function fileInside(root: string, rel: string): string | null {
  if (rel.includes('\0')) return null
  const full = resolve(root, normalize(rel))
  if (!(full + sep).startsWith(resolve(root) + sep) || !existsSync(full)) return null
  // A symlink inside the folder may point anywhere; what counts is where it lands.
  const real = realpathSync(full)
  if (!real.startsWith(realpathSync(root) + sep) || !statSync(real).isFile()) return null
  return real
}

/** Serves a file of the built renderer; anything outside its folder (or a malformed path) is a 404. */
export function serveStatic(root: string, urlPath: string, res: ServerResponse): void {
  const path = decoded(urlPath)
  const rel = path === '/' ? 'index.html' : (path ?? '').replace(/^\/+/, '')
  const full = path === null ? null : fileInside(root, rel)
  if (!full) {
    res.writeHead(404, { 'Content-Type': 'text/plain', ...SECURITY_HEADERS }).end('not found')
    return
  }
  res.writeHead(200, {
    'Content-Type': TYPES[extname(full)] ?? 'application/octet-stream',
    'Cache-Control': rel === 'index.html' ? 'no-cache' : 'max-age=3600',
    ...SECURITY_HEADERS
  })
  createReadStream(full).pipe(res)
}

export const indexHtmlPath = (root: string): string => join(root, 'index.html')
