import { describe, expect, it } from 'vitest'
import { LibraryFilter } from '../../../shared/api/library'
import { deleteAnnotation, restoreAnnotation } from '../annotations/delete'
import { updateAnnotation } from '../annotations/update'
import { countMatching } from '../articles/list'
import { bulkTag } from '../library/bulk'
import { addArticle, highlight } from '../library/test-articles'
import { deleteArticles, restoreArticles } from '../library/trash'
import { checkLibrary } from '../maintenance/check'
import { useTempLibrary } from '../testing/temp-library'
import { deleteTag, restoreTags } from './remove'
import { mergeTags, renameTag } from './rename'
import { nodesOf, rebuildTagNodes } from './nodes'
import { tagTree } from './tree'

const t = useTempLibrary()

/** The tag pane's counts worked out the slow, obvious way from the links themselves. */
function recount(): Map<string, string> {
  const out = new Map<string, { a: Set<number>; n: Set<number> }>()
  const under = (fold: string) => nodesOf(fold).map((n) => out.get(n) ?? out.set(n, { a: new Set(), n: new Set() }).get(n)!)
  const links = t.lib.db
    .prepare('SELECT x.article_rowid AS r, t.fold FROM article_tags x JOIN tags t ON t.id = x.tag_id JOIN articles a ON a.rowid = x.article_rowid WHERE a.deleted_at IS NULL')
    .all() as { r: number; fold: string }[]
  for (const l of links) for (const c of under(l.fold)) c.a.add(l.r)
  const notes = t.lib.db
    .prepare(
      `SELECT x.annotation_rowid AS r, t.fold FROM annotation_tags x JOIN tags t ON t.id = x.tag_id JOIN annotations n ON n.rowid = x.annotation_rowid
       JOIN articles a ON a.id = n.article_id WHERE n.deleted_at IS NULL AND a.deleted_at IS NULL`
    )
    .all() as { r: number; fold: string }[]
  for (const l of notes) for (const c of under(l.fold)) c.n.add(l.r)
  for (const f of t.lib.db.prepare('SELECT fold FROM tags').pluck().all() as string[]) under(f)
  return new Map([...out].map(([k, v]) => [k, `${v.a.size}/${v.n.size}`]))
}

/** The pane as shown, keyed like recount(); and every node's filter count agrees with it. */
function pane(): Map<string, string> {
  const shown = new Map(tagTree(t.lib).map((n) => [n.path.toLowerCase(), `${n.articles}/${n.annotations}`]))
  for (const [path, counts] of shown)
    expect(countMatching(t.lib, LibraryFilter.parse({ tagsAll: [path] })), path).toBe(Number(counts.split('/')[0]))
  return shown
}

function agree(step: string): void {
  expect(checkLibrary(t.lib).problems, step).toEqual([])
  expect(pane(), step).toEqual(recount())
}

describe('tag counts and tag filters', () => {
  it('stay exact through every way tags, links, articles and highlights change', () => {
    const a = addArticle(t.lib, { title: 'A', text: 'alpha beta gamma', tags: ['region/kz', 'region/kz/almaty', 'topic'] })
    const b = addArticle(t.lib, { title: 'B', text: 'delta epsilon', tags: ['region/ua'] })
    const c = addArticle(t.lib, { title: 'C', text: 'zeta eta', tags: ['Регион/Россия'] })
    const h1 = highlight(t.lib, a.id, 'beta', { tags: ['region/kz/almaty', 'note/x'] })
    const h2 = highlight(t.lib, b.id, 'delta', { tags: ['region'] })
    agree('seeded')

    bulkTag(t.lib, { ids: [a.id, b.id, c.id] }, ['region/kz', 'project/p1'], [])
    agree('bulk add')
    bulkTag(t.lib, { ids: [a.id] }, [], ['region/kz'])
    agree('bulk remove: almaty still keeps A under region/kz')
    expect(pane().get('region/kz')).toBe('3/1')

    renameTag(t.lib, 'region', 'place')
    agree('rename a parent')
    renameTag(t.lib, 'place/kz', 'place/kz/old')
    agree('rename into a name the subtree still uses (two steps)')
    renameTag(t.lib, 'PLACE', 'place')
    agree('case-only rename')

    mergeTags(t.lib, 'project', 'place/ua')
    agree('merge')

    const del = deleteTag(t.lib, 'place')
    agree('delete a subtree')
    restoreTags(t.lib, del.undoToken)
    agree('undo the delete')

    const trashed = deleteArticles(t.lib, { ids: [a.id] })
    agree('article in the trash')
    restoreArticles(t.lib, trashed.undoToken)
    agree('article back')

    deleteAnnotation(t.lib, h1)
    agree('highlight deleted')
    restoreAnnotation(t.lib, h1)
    updateAnnotation(t.lib, { id: h2, tags: ['topic/new'] })
    agree('highlight back, another retagged')
  })

  it('are rebuilt from the links when asked, and a damaged table or counter is reported', () => {
    addArticle(t.lib, { title: 'A', tags: ['x/y/z', 'x/w'] })
    t.lib.write(() => t.lib.db.prepare("DELETE FROM article_tag_nodes WHERE node = 'x'").run())
    expect(checkLibrary(t.lib).problems).toEqual(['article_tag_nodes: 1 missing and 0 stray entr(ies): tag filters and counts are off'])
    t.lib.write(() => rebuildTagNodes(t.lib))
    agree('rebuilt')
    t.lib.write(() => t.lib.db.prepare("UPDATE tag_node_counts SET articles = 7 WHERE node = 'x/w'").run())
    expect(checkLibrary(t.lib).problems).toEqual(["tag_node_counts: 1 node(s) with a wrong count: the tag pane's counts are off"])
    t.lib.write(() => rebuildTagNodes(t.lib))
    agree('rebuilt again')
  })

  it('split a tag into its ancestors in SQL exactly as in code, whatever the characters', () => {
    for (const path of ['a"b\\c/d', 'ёлка/Ёж', '\\u002f/x', 'λ/μ/ν/ξ', 'İstanbul/Ω']) addArticle(t.lib, { title: path, tags: [path] })
    agree('odd characters')
  })
})
