/**
 * Fuzzing the pdf importer and the import preparation behind it (detection,
 * sanitising, canonical HTML): any bytes give articles or a one-line ImportError,
 * quickly, and the stored HTML never carries anything that could run.
 */
import fc from 'fast-check'
import { describeImporterFuzz } from '../reliability/fuzz-importer'
import { pdfFile, mutated } from '../reliability/fuzz-inputs'
import { parsePdf } from './pdf'

describeImporterFuzz({ target: 'pdf', fileName: 'paper.pdf', parse: parsePdf, inputs: fc.oneof(pdfFile, mutated(pdfFile)), shortRuns: 40 })
