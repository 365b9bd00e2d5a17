/**
 * Fuzzing the epub importer and the import preparation behind it (detection,
 * sanitising, canonical HTML): any bytes give articles or a one-line ImportError,
 * quickly, and the stored HTML never carries anything that could run.
 */
import fc from 'fast-check'
import { describeImporterFuzz } from '../reliability/fuzz-importer'
import { epubFile, mutated } from '../reliability/fuzz-inputs'
import { parseEpub } from './epub'

describeImporterFuzz({ target: 'epub', fileName: 'book.epub', parse: parseEpub, inputs: fc.oneof(epubFile, mutated(epubFile)), shortRuns: 150 })
