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
  'library.changed': event<{ reason: string }>()
}
