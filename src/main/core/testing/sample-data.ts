/**
 * A small library with one of everything a user makes — articles (English and
 * Cyrillic), an article note, highlights with notes and tags, a tombstoned
 * highlight, hierarchical tags, settings, a saved search — for tests and for the
 * migration fixtures. Written with the store's own functions where they exist so
 * the indexes are what the app would write.
 */
import { createHash } from 'node:crypto'
import { Library } from '../library'
import { createAnnotation } from '../annotations/create'
import { deleteAnnotation } from '../annotations/delete'
import { setArticleNote } from '../articles/note'
import { insertArticle, setProgress, type NewArticle } from '../articles/repo'
import { tagArticle } from '../tags/attach'

export interface SampleIds {
  english: string
  russian: string
  /** A word that only the Cyrillic article contains (with ё, to exercise folding). */
  russianWord: string
}

function article(title: string, author: string | null, text: string, extra: Partial<NewArticle> = {}): NewArticle {
  const html = text
    .split('\n\n')
    .map((p) => `<p>${p}</p>`)
    .join('')
  return {
    title,
    author,
    published: '2024-03-15',
    source: `/home/reader/articles/${encodeURIComponent(title)}.html`,
    site: null,
    format: 'html',
    encoding: 'UTF-8',
    language: null,
    html,
    text: text.replace(/\n\n/g, '\n'),
    contentHash: createHash('sha256').update(html).digest('hex'),
    ...extra
  }
}

const ENGLISH = 'Ice cores record the climate of the past.\n\nEach layer of snow traps a little air, and the air keeps its chemistry for a hundred thousand years.'
const RUSSIAN =
  'Ещё в прошлом веке учёные заметили, что ледники отступают.\n\nЁлки на склонах поднимаются выше с каждым десятилетием, а вечная мерзлота тает.'

function annotate(lib: Library, articleId: string, text: string, exact: string, note: string, tags: string[]): string {
  const start = text.indexOf(exact)
  return createAnnotation(lib, { articleId, start, end: start + exact.length, color: 'green', note, tags }, '2024-03-16T09:30:00.000Z').id
}

/** Fills an empty library with the sample data, in one transaction. */
export function fillSampleData(lib: Library): SampleIds {
  return lib.write(() => {
    const en = article('Reading the ice', 'Jane Doe', ENGLISH)
    const ru = article('Ледники отступают', 'Пётр Иванов', RUSSIAN, { language: 'ru', encoding: 'windows-1251', format: 'text' })
    const english = insertArticle(lib, en, '2024-03-15T10:00:00.000Z')
    const russian = insertArticle(lib, ru, '2024-03-15T10:05:00.000Z')
    lib.setSetting('identity', 'Аня')
    tagArticle(lib, english.rowid, 'science/climate')
    tagArticle(lib, russian.rowid, 'science/climate')
    tagArticle(lib, russian.rowid, 'region/россия')
    setArticleNote(lib, english.id, 'Cite in **chapter 2**.')
    setProgress(lib, english.id, 0.5, '2024-03-16T09:00:00.000Z')
    lib.db.prepare("UPDATE articles SET is_read = 1, progress = 1, archived = 1 WHERE id = ?").run(russian.id)
    annotate(lib, english.id, en.text, 'a hundred thousand years', 'Check the *exact* figure.', ['to-check'])
    annotate(lib, russian.id, ru.text, 'вечная мерзлота тает', 'Главный тезис — «мерзлота».', ['region/россия', 'key'])
    deleteAnnotation(lib, annotate(lib, russian.id, ru.text, 'ледники отступают', 'deleted by mistake', []), '2024-03-16T09:40:00.000Z')
    lib.setSetting('theme', 'dark')
    lib.db.prepare('INSERT INTO saved_searches(name, query, created_at) VALUES (?, ?, ?)').run('Мерзлота', 'мерзлота tag:science', '2024-03-16T10:00:00.000Z')
    return { english: english.id, russian: russian.id, russianWord: 'учёные' }
  })
}

/** Makes a library file at `path` holding the sample data, closed again, for tests that open it their own way. */
export function writeSampleLibrary(path: string): SampleIds {
  const lib = Library.open(path)
  try {
    return fillSampleData(lib)
  } finally {
    lib.close()
  }
}
