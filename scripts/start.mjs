#!/usr/bin/env node
/**
 * `npm start`: build the app and launch Electron. better-sqlite3 in node_modules
 * stays compiled for Node (tests, CLI); the app gets its own copy compiled for
 * Electron's ABI under .native/, made once per Electron version. So `npm start`
 * and `npm test` work in any order without a manual rebuild.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, rmSync, copyFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name)
const run = (cmd, args, cwd = root) => spawnSync(cmd, args, { cwd, stdio: 'inherit', shell: process.platform === 'win32' }).status === 0

function fail(message) {
  console.error(`npm start: ${message}`)
  process.exit(1)
}

function electronBinary() {
  const electronPkg = join(root, 'node_modules', 'electron')
  const pathFile = join(electronPkg, 'path.txt')
  if (!existsSync(pathFile)) {
    console.log('Downloading the Electron binary (first run)…')
    run(process.execPath, [join(electronPkg, 'install.js')])
  }
  try {
    const p = require('electron')
    if (typeof p === 'string' && existsSync(p)) return p
  } catch {
    /* reported below */
  }
  fail(
    'the Electron binary is not available (its download failed — no internet?). ' +
      'Run Scholia in your browser instead: npm run scholia -- serve'
  )
}

function electronVersion() {
  return JSON.parse(
    require('node:fs').readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')
  ).version
}

/** npm exports the path of its bundled node-gyp to the scripts it runs. */
function nodeGyp() {
  if (process.env.npm_config_node_gyp) return process.env.npm_config_node_gyp
  try {
    return require.resolve('node-gyp/bin/node-gyp.js')
  } catch {
    fail('node-gyp not found — run this through npm start')
  }
}

function ensureElectronSqlite(version) {
  const target = join(root, '.native', `electron-${version}`, 'better_sqlite3.node')
  if (existsSync(target)) return
  console.log(`Compiling better-sqlite3 for Electron ${version} (once)…`)
  const work = join(root, '.native', 'build-better-sqlite3')
  rmSync(work, { recursive: true, force: true })
  cpSync(join(root, 'node_modules', 'better-sqlite3'), work, {
    recursive: true,
    filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`)
  })
  const prebuilt = run(bin('prebuild-install'), ['--runtime=electron', `--target=${version}`], work)
  const built =
    prebuilt ||
    run(process.execPath, [
      nodeGyp(),
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${version}`,
      '--dist-url=https://electronjs.org/headers'
    ], work)
  if (!built) fail('could not build better-sqlite3 for Electron (needs internet for headers or prebuilt binaries)')
  mkdirSync(dirname(target), { recursive: true })
  copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target)
  rmSync(work, { recursive: true, force: true })
}

const electron = electronBinary()
ensureElectronSqlite(electronVersion())
if (!run(bin('electron-vite'), ['build'])) fail('the build failed (see above)')
// The Electron e2e spec prepares the app this way, then launches it through Playwright.
if (process.argv.includes('--prepare-only')) process.exit(0)
const result = spawnSync(electron, [root], { stdio: 'inherit' })
process.exit(result.status ?? 0)
