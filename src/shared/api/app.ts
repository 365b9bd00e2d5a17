import { z } from 'zod'
import type { AppInfo } from '../model'
import { event, method, NoArgs } from './define'

export const appMethods = {
  /** What the UI shows in its status line and about box. */
  'app.info': method<AppInfo>()(NoArgs),
  'settings.get': method<Record<string, string>>()(NoArgs),
  'settings.set': method<void>()(
    z.object({ key: z.enum(['theme', 'identity', 'reader']), value: z.string().max(10_000) }).strict()
  )
}

export const appEvents = {
  /** The library changed behind the UI's back (import, CLI); lists should refresh. */
  'library.changed': event<{ reason: string }>(),
  /** A native menu item the renderer carries out (the menu lives in the main process). */
  'app.command': event<{ command: AppCommand }>(),
  /** A preference changed outside the renderer (e.g. the View › Theme menu). */
  'settings.changed': event<{ key: string; value: string }>()
}

export const APP_COMMANDS = ['export', 'shortcuts', 'find', 'importUrl'] as const
export type AppCommand = (typeof APP_COMMANDS)[number]
