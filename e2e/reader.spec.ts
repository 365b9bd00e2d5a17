import { callApi, expect, test } from './fixtures'
import { annotationsOf, dragSelect, importMarkdown, openArticle, painted, pointInPhrase, rangeOfPhrase } from './reader-helpers'

const TITLE = 'Field notes from Almaty'
const BODY = [
  'The archive opened at nine. The reading room was cold and the catalogue was incomplete, so the first hour went to the card index.',
  'A *letter* from the regional committee described the **harvest of 1932** in detail. Its author asked for seed grain and for patience.',
  '- one list item with a quiet phrase\n- another list item',
  'The second letter repeated the request for seed grain, this time with figures attached and a map of the district.',
  'Closing remarks: the archive closes at six, and the reading room keeps the same hours on Saturdays.'
].join('\n\n')

test.describe('reader: highlights and notes', () => {
  test('a highlight made with the mouse, with a note and a tag, is on the same words after a reload', async ({ app, served }) => {
    const id = await importMarkdown(served, 'field-notes.md', TITLE, BODY)
    await app.reload()
    await openArticle(app, TITLE)

    await dragSelect(app, 'harvest of 1932 in detail')
    await expect(app.getByTestId('selection-toolbar')).toBeVisible()
    await app.getByTestId('selection-toolbar').locator('[data-color=green]').click()
    await expect.poll(async () => (await annotationsOf(served, id)).map((a) => a.exact)).toEqual(['harvest of 1932 in detail'])
    await expect.poll(() => painted(app, 'scholia-green')).toEqual(['harvest of 1932 in detail'])

    // Click the highlight: its popover opens; write a note and a tag.
    const p = await pointInPhrase(app, 'harvest of 1932', 3)
    await app.mouse.click(p.x, p.y)
    const popover = app.getByTestId('highlight-popover')
    await expect(popover).toBeVisible()
    await popover.getByTestId('note-edit').click()
    await popover.getByTestId('note-input').fill('Compare with the **district** report.')
    await popover.getByTestId('note-save').click()
    await expect(popover.getByTestId('note-rendered')).toContainText('Compare with the district report.')
    await popover.getByTestId('tag-input').fill('region/kazakhstan')
    await popover.getByTestId('tag-input').press('Enter')
    await expect(popover.getByTestId('tag-editor')).toContainText('region/kazakhstan')
    await expect.poll(async () => (await annotationsOf(served, id))[0]?.tags).toEqual(['region/kazakhstan'])

    await app.reload()
    await openArticle(app, TITLE)
    await expect.poll(() => painted(app, 'scholia-green')).toEqual(['harvest of 1932 in detail'])
    const [saved] = await annotationsOf(served, id)
    expect(saved).toMatchObject({ exact: 'harvest of 1932 in detail', note: 'Compare with the **district** report.', tags: ['region/kazakhstan'] })
    await expect(app.getByTestId('annotation-item')).toContainText('harvest of 1932 in detail')
    await expect(app.getByTestId('annotation-item').locator('strong')).toHaveText('district')
  })

  test('overlapping highlights both show and each can be opened', async ({ app, served }) => {
    const id = await importMarkdown(served, 'overlap.md', TITLE, BODY)
    const a = await rangeOfPhrase(served, id, 'reading room was cold')
    const b = await rangeOfPhrase(served, id, 'was cold and the catalogue')
    await callApi(served, 'annotations.create', { articleId: id, ...a, color: 'yellow' })
    await callApi(served, 'annotations.create', { articleId: id, ...b, color: 'blue', note: 'second one' })
    await app.reload()
    await openArticle(app, TITLE)
    await expect.poll(() => painted(app, 'scholia-yellow')).toEqual(['reading room was cold'])
    await expect.poll(() => painted(app, 'scholia-blue')).toEqual(['was cold and the catalogue'])
    await expect.poll(() => painted(app, 'scholia-overlap')).toEqual(['was cold'])

    // On the shared words: a chooser lists both, smallest first.
    let p = await pointInPhrase(app, 'was cold', 5)
    await app.mouse.click(p.x, p.y)
    const chooser = app.getByTestId('highlight-chooser')
    await expect(chooser.getByRole('menuitem')).toHaveCount(2)
    await chooser.getByRole('menuitem', { name: /was cold and the catalogue/ }).click()
    await expect(app.getByTestId('highlight-popover')).toContainText('was cold and the catalogue')
    await expect(app.getByTestId('highlight-popover').getByTestId('note-rendered')).toHaveText('second one')
    await app.keyboard.press('Escape')

    // On words only one covers: that one opens directly.
    p = await pointInPhrase(app, 'reading room was cold', 2)
    await app.mouse.click(p.x, p.y)
    await expect(app.getByTestId('highlight-chooser')).toHaveCount(0)
    await expect(app.getByTestId('highlight-popover')).toContainText('reading room was cold')
  })

  test('highlighting, noting and tagging work from the keyboard alone', async ({ app, served }) => {
    const id = await importMarkdown(served, 'keys.md', TITLE, BODY)
    await app.reload()
    await openArticle(app, TITLE)
    await app.getByTestId('article-body').press('v')
    // The caret starts at the top of the text; select the first three words.
    for (let i = 0; i < 3; i++) await app.keyboard.press('Control+Shift+ArrowRight')
    await app.keyboard.press('h')
    await expect.poll(async () => (await annotationsOf(served, id)).map((x) => x.exact)).toEqual(['The archive opened'])
    await expect.poll(() => painted(app, 'scholia-yellow')).toEqual(['The archive opened'])

    // Second: select on, highlight in colour 4 with a note, typed and saved with the keyboard.
    await app.keyboard.press('v')
    for (let i = 0; i < 4; i++) await app.keyboard.press('Control+ArrowRight')
    for (let i = 0; i < 2; i++) await app.keyboard.press('Control+Shift+ArrowRight')
    await app.keyboard.press('n')
    await expect(app.getByTestId('note-input')).toBeFocused()
    await app.keyboard.type('typed without a mouse')
    await app.keyboard.press('Control+Enter')
    await expect.poll(async () => (await annotationsOf(served, id)).map((x) => x.note)).toContain('typed without a mouse')
    await app.keyboard.press('Escape')

    // Shortcuts are listed with ?
    await app.getByTestId('article-body').press('?')
    await expect(app.getByTestId('cheat-sheet')).toBeVisible()
    await app.keyboard.press('Escape')
    await expect(app.getByTestId('cheat-sheet')).toHaveCount(0)
  })

  test('deleting a highlight can be undone', async ({ app, served }) => {
    const id = await importMarkdown(served, 'undo.md', TITLE, BODY)
    await callApi(served, 'annotations.create', { articleId: id, ...(await rangeOfPhrase(served, id, 'seed grain and for patience')), color: 'pink' })
    await app.reload()
    await openArticle(app, TITLE)
    const p = await pointInPhrase(app, 'seed grain and for patience', 4)
    await app.mouse.click(p.x, p.y)
    await app.getByTestId('highlight-delete').click()
    await expect.poll(async () => (await annotationsOf(served, id)).length).toBe(0)
    await expect.poll(() => painted(app, 'scholia-pink')).toEqual([])
    await app.getByTestId('undo-toast').getByRole('button', { name: 'Undo' }).click()
    await expect.poll(async () => (await annotationsOf(served, id)).length).toBe(1)
    await expect.poll(() => painted(app, 'scholia-pink')).toEqual(['seed grain and for patience'])
  })

  test('a note holding HTML and script is shown as inert text', async ({ app, served }) => {
    const id = await importMarkdown(served, 'xss.md', TITLE, BODY)
    const note = 'Look: <img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script> <a href="javascript:window.__pwned=3">x</a> **ok**'
    await callApi(served, 'annotations.create', { articleId: id, ...(await rangeOfPhrase(served, id, 'card index')), note })
    await app.reload()
    await openArticle(app, TITLE)
    await app.getByTestId('annotation-item').first().click()
    const rendered = app.getByTestId('highlight-popover').getByTestId('note-rendered')
    await expect(rendered).toContainText('Look:')
    await expect(rendered.locator('strong')).toHaveText('ok')
    expect(await rendered.locator('img, script, [onerror], a[href^="javascript"]').count()).toBe(0)
    expect(await app.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    // The side panel shows the same note, also sanitised.
    expect(await app.getByTestId('annotation-panel').locator('img, script').count()).toBe(0)
  })

  test('an empty or whitespace-only selection is refused with a message, and rapid presses make one highlight', async ({ app, served }) => {
    const id = await importMarkdown(served, 'bad.md', TITLE, BODY)
    await app.reload()
    await openArticle(app, TITLE)
    await app.getByTestId('article-body').press('h')
    await expect(app.getByTestId('toast').last()).toContainText('Select some words')
    await dragSelect(app, 'opened at nine')
    await app.keyboard.press('h')
    await app.keyboard.press('h')
    await app.keyboard.press('2')
    await expect.poll(async () => (await annotationsOf(served, id)).length).toBe(1)
  })

  test('the side panel lists highlights in reading order, filters them by colour and tag, and jumps to one', async ({ app, served }) => {
    const id = await importMarkdown(served, 'panel.md', TITLE, BODY)
    const add = async (phrase: string, color: string, tags: string[] = []) =>
      callApi(served, 'annotations.create', { articleId: id, ...(await rangeOfPhrase(served, id, phrase)), color, tags })
    await add('Closing remarks', 'blue', ['summary'])
    await add('The archive opened at nine', 'yellow', ['summary', 'time'])
    await add('a map of the district', 'green')
    await app.reload()
    await openArticle(app, TITLE)
    const items = app.getByTestId('annotation-item')
    await expect(items).toHaveCount(3)
    await expect(items.nth(0)).toContainText('The archive opened at nine')
    await expect(items.nth(2)).toContainText('Closing remarks')

    await app.locator('[data-filter-color=green]').click()
    await expect(items).toHaveCount(1)
    await expect(items.first()).toContainText('a map of the district')
    await app.locator('[data-filter-color=green]').click()
    await app.getByTestId('tag-filter').selectOption('summary')
    await expect(items).toHaveCount(2)
    await app.getByTestId('tag-filter').selectOption('')

    await items.nth(2).click()
    await expect.poll(() => painted(app, 'scholia-flash')).toEqual(['Closing remarks'])
    await expect(app.getByTestId('highlight-popover')).toContainText('Closing remarks')
  })

  test('a selection is copied as a quote with its source', async ({ app, served, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await importMarkdown(served, 'quote.md', TITLE, BODY)
    await app.reload()
    await openArticle(app, TITLE)
    await dragSelect(app, 'the catalogue was incomplete')
    await app.keyboard.press('y')
    await expect(app.getByTestId('toast').last()).toContainText('Quote copied')
    const copied = await app.evaluate(() => navigator.clipboard.readText())
    expect(copied).toBe(`“the catalogue was incomplete”\n— Test Author, ${TITLE}`)
  })
})
