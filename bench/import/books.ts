/**
 * Book-sized inputs for the import benchmark: an EPUB 3 (built with fflate, with a
 * nav document, an NCX, chapters and an illustration) and a plain-text book, both
 * about 3 MB of text. Deterministic.
 */
import { strToU8, zipSync, type Zippable } from 'fflate'
import { rng } from '../corpus'

const WORDS = `the of and to in a was he that it his her with as had for at not on she but is by be said which you from
all were they this one so him there an have been would when me my no what into out up could prince count princess
natasha pierre andrew army moscow war peace said looked felt room little old face eyes hand again only thought`.split(/\s+/)

function paragraphs(seed: number, chars: number): string[] {
  const r = rng(seed)
  const out: string[] = []
  let size = 0
  while (size < chars) {
    const sentences = Array.from({ length: 3 + Math.floor(r() * 5) }, () => {
      const s = Array.from({ length: 8 + Math.floor(r() * 18) }, () => WORDS[Math.floor(r() * r() * WORDS.length)]).join(' ')
      return s[0].toUpperCase() + s.slice(1) + '.'
    })
    const p = sentences.join(' ')
    out.push(p)
    size += p.length + 2
  }
  return out
}

/** A plain-text book of about `chars` characters: a title, then chapters of paragraphs. */
export function textBook(chars = 3 * 1024 * 1024): string {
  const chapters = 40
  const parts = ['War and Benchmarks', '', 'By Lev Syntheticovich', '']
  for (let c = 1; c <= chapters; c++) parts.push(`Chapter ${c}`, '', ...paragraphs(100 + c, chars / chapters).flatMap((p) => [p, '']))
  return parts.join('\n')
}

/** Incompressible bytes behind a PNG signature: stands in for an illustration's size. */
function fakePng(bytes: number): Uint8Array {
  const r = rng(4242)
  const out = new Uint8Array(bytes)
  out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  for (let i = 8; i < bytes; i++) out[i] = Math.floor(r() * 256)
  return out
}

/** An EPUB 3 of about `chars` characters of chapter text and one illustration. */
export function epubBook(chars = 3 * 1024 * 1024, imageBytes = 200 * 1024): Uint8Array {
  const chapters = 40
  const files: Zippable = {
    mimetype: [strToU8('application/epub+zip'), { level: 0 }],
    'META-INF/container.xml': strToU8(
      '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">' +
        '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>'
    ),
    'OEBPS/images/plate.png': [fakePng(imageBytes), { level: 0 }]
  }
  const manifest: string[] = ['<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>', '<item id="plate" href="images/plate.png" media-type="image/png"/>']
  const spine: string[] = []
  const navItems: string[] = []
  for (let c = 1; c <= chapters; c++) {
    const body = paragraphs(100 + c, chars / chapters).map((p) => `<p>${p}</p>`).join('\n')
    const plate = c === 1 ? '<figure><img src="images/plate.png" alt="Frontispiece"/></figure>' : ''
    files[`OEBPS/ch${c}.xhtml`] = strToU8(
      `<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Chapter ${c}</title>` +
        `<link rel="stylesheet" href="style.css"/></head><body><h1>Chapter ${c}</h1>${plate}<a id="c${c}"/>\n${body}</body></html>`
    )
    manifest.push(`<item id="ch${c}" href="ch${c}.xhtml" media-type="application/xhtml+xml"/>`)
    spine.push(`<itemref idref="ch${c}"/>`)
    navItems.push(`<li><a href="ch${c}.xhtml">Chapter ${c}</a></li>`)
  }
  files['OEBPS/nav.xhtml'] = strToU8(
    `<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body>` +
      `<nav epub:type="toc"><ol>${navItems.join('')}</ol></nav></body></html>`
  )
  files['OEBPS/content.opf'] = strToU8(
    `<?xml version="1.0" encoding="utf-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">` +
      `<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">urn:uuid:bench-book</dc:identifier>` +
      `<dc:title>War and Benchmarks</dc:title><dc:creator>Lev Syntheticovich</dc:creator><dc:date>1869-01-01</dc:date><dc:language>en</dc:language></metadata>` +
      `<manifest>${manifest.join('')}</manifest><spine>${spine.join('')}</spine></package>`
  )
  return zipSync(files, { level: 6 })
}
