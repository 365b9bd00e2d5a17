/**
 * What a drop or a file chooser hands over, as things to import: paths on disk when
 * the Electron preload can name them (folders included: the core walks them), else
 * the files themselves, with dropped folders read through the browser's entry API.
 */

/** Extensions taken from a dropped folder, as the core does for folders it walks. */
const IMPORTABLE = /\.(?:txt|text|md|markdown|html?|xhtml|epub|pdf)$/i

export type Picked = { kind: 'paths'; paths: string[] } | { kind: 'files'; files: File[] }

/** Paths of the files when running in Electron and every file has one; else null. */
function pathsOf(files: File[]): string[] | null {
  const pathFor = window.scholiaFiles?.pathFor
  if (!pathFor || files.length === 0) return null
  const paths = files.map((f) => pathFor(f))
  return paths.every((p) => p !== '') ? paths : null
}

/** Files chosen with the file input. */
export function pickedFiles(files: File[]): Picked {
  const paths = pathsOf(files)
  return paths ? { kind: 'paths', paths } : { kind: 'files', files }
}

/** Importable files under a dropped entry (the non-standard but universal entry API), in name order. */
async function filesIn(entry: FileSystemEntry, out: File[]): Promise<void> {
  if (entry.name.startsWith('.')) return
  if (entry.isFile) {
    if (IMPORTABLE.test(entry.name)) out.push(await new Promise<File>((ok, fail) => (entry as FileSystemFileEntry).file(ok, fail)))
    return
  }
  if (!entry.isDirectory) return
  const reader = (entry as FileSystemDirectoryEntry).createReader()
  // readEntries returns the folder in batches; an empty batch means the end.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((ok, fail) => reader.readEntries(ok, fail))
    if (batch.length === 0) break
    batch.sort((a, b) => a.name.localeCompare(b.name))
    for (const e of batch) await filesIn(e, out)
  }
}

/** What was dropped on the window: paths in Electron, else files with folders expanded. */
export async function droppedFiles(data: DataTransfer): Promise<Picked> {
  const files = [...data.files]
  const paths = pathsOf(files)
  if (paths) return { kind: 'paths', paths }
  // Entries must be taken now: the drop's data is gone once the event handler returns.
  const entries = [...data.items].flatMap((i) => {
    const e = i.kind === 'file' ? i.webkitGetAsEntry() : null
    return e ? [e] : []
  })
  if (!entries.some((e) => e.isDirectory)) return { kind: 'files', files }
  const out: File[] = []
  for (const e of entries) await filesIn(e, out)
  return { kind: 'files', files: out }
}
