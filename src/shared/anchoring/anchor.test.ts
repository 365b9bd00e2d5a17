import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { anchor } from './anchor'
import { describeRange } from './describe'
import type { Selectors } from './types'

const article = readFileSync(new URL('../../../resources/news-digest-csto.txt', import.meta.url), 'utf8')

/** Highlight the first occurrence of `phrase` (after `from`), as a user would. */
function highlight(phrase: string, from = 0): Selectors {
  const start = article.indexOf(phrase, from)
  if (start < 0) throw new Error(`fixture lacks ${phrase}`)
  return describeRange(article, start, start + phrase.length)
}

/** The words a highlight now covers, or null if it is orphaned. */
function wordsUnder(text: string, selectors: Selectors): string | null {
  const found = anchor(text, selectors)
  return found && text.slice(found.start, found.end)
}

const paragraphOf = (phrase: string): string => {
  const at = article.indexOf(phrase)
  const start = article.lastIndexOf('\n\n', at) + 2
  return article.slice(start, article.indexOf('\n\n', at) + 2)
}

describe('anchor', () => {
  it('a highlight on an unchanged article sits exactly where it was made', () => {
    const selectors = highlight('Indestructible Brotherhood-2024')
    expect(anchor(article, selectors)).toEqual({
      start: selectors.position.start,
      end: selectors.position.end,
      score: 1,
      method: 'position'
    })
  })

  it('a highlight stays on the same words after text is inserted before it', () => {
    const selectors = highlight('the IV meeting of the Coordination Council')
    const inserted = 'Editor’s note: this digest was updated.\n\n'
    const updated = inserted + article
    const found = anchor(updated, selectors)
    expect(found).toMatchObject({ start: selectors.position.start + inserted.length, method: 'exact' })
    expect(wordsUnder(updated, selectors)).toBe('the IV meeting of the Coordination Council')
  })

  it('a highlight stays on the same words after text before it is deleted', () => {
    const selectors = highlight('a working meeting of foreign ministers')
    const updated = article.replace(paragraphOf('Indestructible Brotherhood-2024'), '')
    expect(wordsUnder(updated, selectors)).toBe('a working meeting of foreign ministers')
  })

  it('a highlight follows its paragraph when paragraphs are reordered', () => {
    const moved = paragraphOf('The main indicator of the effectiveness')
    const updated = article.replace(moved, '') + '\n\n' + moved
    const selectors = highlight('The main indicator of the effectiveness of our work is the state of collective security')
    expect(anchor(updated, selectors)).toMatchObject({ start: updated.lastIndexOf('The main indicator'), method: 'exact' })
  })

  it('a highlight survives a typo being fixed inside it', () => {
    const selectors = highlight('presented the commander of the CPF with a mandate')
    const updated = article.replace('presented the commander', 'presented the Commander')
    const found = anchor(updated, selectors)
    expect(found?.method).toBe('fuzzy')
    expect(updated.slice(found!.start, found!.end)).toBe('presented the Commander of the CPF with a mandate')
    expect(found!.score).toBeGreaterThan(0.9)
  })

  it('a long highlight survives words being rewritten inside it', () => {
    const quote =
      'The CSTO is considering the possibility of deploying a peacekeeping contingent of the Organization outside its area of responsibility'
    const selectors = highlight(quote)
    const rewritten = quote.replace('is considering', 'is now weighing').replace('contingent', 'force')
    const updated = 'Updated 2024.\n\n' + article.replace(quote, rewritten)
    expect(anchor(updated, selectors)?.method).toBe('fuzzy')
    expect(wordsUnder(updated, selectors)).toBe(rewritten)
  })

  it('words added at the start of a highlighted passage join the highlight', () => {
    const quote = 'the IV meeting of the Coordination Council of authorized bodies of the CSTO member states'
    const selectors = highlight(quote)
    const updated = article.replace(quote, 'the fourth plenary IV meeting of the Coordination Council of authorized bodies of the CSTO member states')
    expect(wordsUnder(updated, selectors)).toBe(
      'the fourth plenary IV meeting of the Coordination Council of authorized bodies of the CSTO member states'
    )
  })

  it('a highlight stays put when the words right next to it are edited', () => {
    const selectors = highlight('joint command-staff training')
    const updated = article.replace('In Kazakhstan, a joint command-staff training with', 'In Kazakhstan, a large joint command-staff training alongside')
    const found = anchor(updated, selectors)
    expect(found?.method).toBe('exact')
    expect(wordsUnder(updated, selectors)).toBe('joint command-staff training')
  })

  it('a highlight on the repeated headline stays on the copy the user chose', () => {
    const title = 'Stanislav Zas: In the Republic of Kazakhstan, the CSTO has sent a signal'
    const second = highlight(title, article.indexOf(title) + 1)
    const first = highlight(title)
    const updated = 'A new first line.\n\n' + article
    const shift = 'A new first line.\n\n'.length
    expect(anchor(updated, second)?.start).toBe(second.position.start + shift)
    expect(anchor(updated, first)?.start).toBe(first.position.start + shift)
  })

  it('a repeated phrase is told apart by its surroundings, not by where it used to be', () => {
    // "member States and" is in two paragraphs; its old offset now points
    // nowhere useful, because everything before it was replaced.
    const phrase = 'all member States'
    const second = article.indexOf(phrase, article.indexOf(phrase) + 1)
    const selectors = highlight(phrase, second)
    const updated = article.slice(article.indexOf('- In the charter documents'))
    const found = anchor(updated, { ...selectors, position: { ...selectors.position, start: 0, end: phrase.length } })
    expect(found?.start).toBe(updated.indexOf('all member States and under a UN mandate'))
  })

  it('a highlight in a deleted passage is orphaned, not moved elsewhere', () => {
    const paragraph = paragraphOf('On September 30, 2024, in Almaty')
    const selectors = highlight('the IV meeting of the Coordination Council of authorized bodies')
    const updated = article.replace(paragraph, '')
    expect(anchor(updated, selectors)).toBeNull()
  })

  it('a highlight on a common phrase in a deleted passage is orphaned, not moved to another mention', () => {
    const paragraph = paragraphOf('On September 30, 2024, in Almaty')
    const selectors = highlight('Republic of Kazakhstan', article.indexOf('On September 30, 2024, in Almaty'))
    const updated = article.replace(paragraph, '')
    expect(updated).toContain('Republic of Kazakhstan')
    expect(anchor(updated, selectors)).toBeNull()
  })

  it('a one-word highlight whose sentence was rewritten around it is orphaned rather than guessed', () => {
    const selectors = highlight('Almaty')
    const updated = article.replace(
      'On September 30, 2024, in Almaty, under the chairmanship',
      'Officials gathered last Monday in Almaty for a session led by'
    )
    expect(anchor(updated, selectors)).toBeNull()
  })

  it('an article that lost all its text orphans every highlight', () => {
    expect(anchor('', highlight('Almaty'))).toBeNull()
  })

  it('stored offsets beyond the end of a shortened article are ignored, not trusted', () => {
    const selectors = highlight('Back to the section')
    const updated = article.slice(10_000)
    expect(selectors.position.end).toBeGreaterThan(updated.length)
    expect(anchor(updated, selectors)).toMatchObject({ start: updated.indexOf('Back to the section'), method: 'exact' })
  })
})
