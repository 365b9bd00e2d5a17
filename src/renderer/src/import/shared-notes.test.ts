import { describe, expect, it } from 'vitest'
import { pastedNotesPath, splitShared } from './shared-notes'

describe('a teammate’s notes go to the sharing importer, articles to the article importer', () => {
  it('splits dropped paths (Electron) by name', () => {
    const r = splitShared({ kind: 'paths', paths: ['/home/a/paper.pdf', '/home/a/maria.jsonld', 'C:\\Users\\a\\team.SCHOLIA', '/home/a/notes.json'] })
    expect(r.notes).toEqual({ kind: 'paths', paths: ['/home/a/maria.jsonld', 'C:\\Users\\a\\team.SCHOLIA', '/home/a/notes.json'] })
    expect(r.articles).toEqual({ kind: 'paths', paths: ['/home/a/paper.pdf'] })
  })

  it('splits dropped or chosen files (browser) by name', () => {
    const f = (name: string) => new File(['x'], name)
    const r = splitShared({ kind: 'files', files: [f('a.html'), f('maria.jsonld'), f('b.epub')] })
    expect(r.notes.kind === 'files' && r.notes.files.map((x) => x.name)).toEqual(['maria.jsonld'])
    expect(r.articles.kind === 'files' && r.articles.files.map((x) => x.name)).toEqual(['a.html', 'b.epub'])
  })

  it('takes a pasted absolute path to a notes file, but not prose or a relative name', () => {
    expect(pastedNotesPath('  /home/anya/Downloads/maria.jsonld\n')).toBe('/home/anya/Downloads/maria.jsonld')
    expect(pastedNotesPath('D:\\share\\team.scholia')).toBe('D:\\share\\team.scholia')
    expect(pastedNotesPath('maria.jsonld')).toBeNull()
    expect(pastedNotesPath('see /home/a/x.jsonld\nand more')).toBeNull()
    expect(pastedNotesPath('/home/anya/article.html')).toBeNull()
  })
})
