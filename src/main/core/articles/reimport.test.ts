import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importItems } from '../import/pipeline'
import { itemsFromPaths } from '../import/items'
import { editMetadata, metadataInfo } from '../library/metadata'
import { search } from '../search/run'
import { useTempLibrary } from '../testing/temp-library'
import { getArticle } from './repo'

const t = useTempLibrary()

function page(title: string, author: string, date: string, body: string): string {
  return `<!doctype html><html><head><title>${title}</title><meta name="author" content="${author}">
<meta property="article:published_time" content="${date}"></head>
<body><article><h1>${title}</h1><p>${body}</p><p>${'Enough words to count as an article body. '.repeat(20)}</p></article></body></html>`
}

async function importFile(path: string): Promise<string> {
  const report = await importItems(t.lib, await itemsFromPaths([path]), { workers: 'never' })
  const o = report.outcomes[0]
  if (!('id' in o)) throw new Error(JSON.stringify(o))
  return o.id
}

describe('re-importing a changed version of an article', () => {
  it('keeps the title and author the user edited by hand, and takes the rest from the new version', async () => {
    const file = join(t.dir, 'treaty.html')
    writeFileSync(file, page('Draft treaty', 'A. Writer', '2024-01-02', 'The first version of the text.'))
    const id = await importFile(file)
    editMetadata(t.lib, { ids: [id] }, { title: 'Treaty (my title)', author: 'Corrected Author' })

    writeFileSync(file, page('Final treaty', 'A. Writer & B. Editor', '2024-03-04', 'The second version of the text, with a steppe.'))
    expect(await importFile(file)).toBe(id)

    const a = getArticle(t.lib, id)
    expect(a.title).toBe('Treaty (my title)')
    expect(a.author).toBe('Corrected Author')
    expect(a.published).toBe('2024-03-04')
    expect(a.text).toContain('second version')
    // Provenance says what the new file says; the user's values stay searchable, the file's old title does not.
    const info = metadataInfo(t.lib, id)
    expect(info.original).toMatchObject({ title: 'Final treaty', author: 'A. Writer & B. Editor', published: '2024-03-04' })
    expect(search(t.lib, 'my title', 5).hits.map((h) => h.articleId)).toEqual([id])
    expect(search(t.lib, 'steppe', 5).hits.map((h) => h.articleId)).toEqual([id])
  })

  it('updates every field of an article nobody edited', async () => {
    const file = join(t.dir, 'report.html')
    writeFileSync(file, page('Report', 'Someone', '2023-05-06', 'First.'))
    const id = await importFile(file)
    writeFileSync(file, page('Report, revised', 'Someone Else', '2023-07-08', 'Second.'))
    await importFile(file)
    const a = getArticle(t.lib, id)
    expect([a.title, a.author, a.published]).toEqual(['Report, revised', 'Someone Else', '2023-07-08'])
    expect(metadataInfo(t.lib, id).original).toBeNull()
  })

  it('keeps a date the user edited even after several re-imports, and later edits add to what is kept', async () => {
    const file = join(t.dir, 'note.html')
    writeFileSync(file, page('Note', 'N. N.', '2020-01-01', 'One.'))
    const id = await importFile(file)
    editMetadata(t.lib, { ids: [id] }, { published: '1999-12-31' })
    writeFileSync(file, page('Note 2', 'N. N.', '2020-02-02', 'Two.'))
    await importFile(file)
    editMetadata(t.lib, { ids: [id] }, { author: 'Me' })
    writeFileSync(file, page('Note 3', 'X. Y.', '2020-03-03', 'Three.'))
    await importFile(file)
    const a = getArticle(t.lib, id)
    expect([a.title, a.author, a.published]).toEqual(['Note 3', 'Me', '1999-12-31'])
  })
})
