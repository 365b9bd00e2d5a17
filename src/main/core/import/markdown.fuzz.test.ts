/**
 * Fuzzing the markdown importer and the import preparation behind it (detection,
 * sanitising, canonical HTML): any bytes give articles or a one-line ImportError,
 * quickly, and the stored HTML never carries anything that could run.
 */
import fc from 'fast-check'
import { describeImporterFuzz } from '../reliability/fuzz-importer'
import { markdownFile, mutated } from '../reliability/fuzz-inputs'
import { parseMarkdown } from './markdown'

describeImporterFuzz({ target: 'markdown', fileName: 'note.md', parse: parseMarkdown, inputs: fc.oneof(markdownFile, mutated(markdownFile)), shortRuns: 300 })
