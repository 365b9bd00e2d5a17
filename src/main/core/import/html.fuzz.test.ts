/**
 * Fuzzing the html importer and the import preparation behind it (detection,
 * sanitising, canonical HTML): any bytes give articles or a one-line ImportError,
 * quickly, and the stored HTML never carries anything that could run.
 */
import fc from 'fast-check'
import { describeImporterFuzz } from '../reliability/fuzz-importer'
import { htmlFile, mutated } from '../reliability/fuzz-inputs'
import { parseHtml } from './html'

describeImporterFuzz({ target: 'html', fileName: 'page.html', parse: parseHtml, inputs: fc.oneof(htmlFile, mutated(htmlFile)), shortRuns: 200 })
