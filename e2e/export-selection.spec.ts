import { readFileSync } from 'node:fs'
import { expect, test } from './fixtures'

test('exporting the selection after "select all matching" leaves out the rows deselected afterwards', async ({ app }) => {
  const rows = app.getByTestId('article-row')
  await rows.first().getByTestId('row-select').click()
  await app.getByTestId('select-all-matching').click()
  await expect(app.getByTestId('selected-count')).toHaveText('6 selected')
  const dropped = ((await rows.nth(1).getByTestId('row-select').getAttribute('aria-label')) ?? '').replace(/^Select /, '')
  expect(dropped).not.toBe('')
  await rows.nth(1).getByTestId('row-select').click()
  await expect(app.getByTestId('selected-count')).toHaveText('5 selected')

  await app.getByTestId('open-export').first().click()
  const dialog = app.getByTestId('export-dialog')
  await expect(dialog.getByTestId('scope-selection')).toBeChecked()
  await dialog.getByTestId('format-jsonld').check()
  await dialog.getByTestId('dest-download').check()
  const downloading = app.waitForEvent('download')
  await dialog.getByTestId('export-run').click()
  const doc = JSON.parse(readFileSync((await (await downloading).path())!, 'utf8')) as { 'scholia:articles': { title: string }[] }
  const titles = doc['scholia:articles'].map((a) => a.title)
  expect(titles).toHaveLength(5)
  expect(titles).not.toContain(dropped)
})
