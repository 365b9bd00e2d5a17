var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// src/main/core/import/types.ts
var ImportError;
var init_types = __esm({
  "src/main/core/import/types.ts"() {
    ImportError = class extends Error {
      name = "ImportError";
    };
  }
});

// src/main/core/import/detect.ts
function looksLikeHtml(bytes) {
  const head = ascii(bytes, 0, HTML_SNIFF_BYTES).replace(/^\xef\xbb\xbf/, "").replace(/^(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*/, "");
  return /^<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(head);
}
function parserFor(fileName, bytes) {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf(".");
  const ext = dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
  if (ascii(bytes, 0, 5) === "%PDF-") return "pdf";
  if (isEpub(bytes)) return "epub";
  const byName = BY_EXTENSION[ext];
  const what = ext ? `.${ext}` : "(no extension)";
  if (byName) {
    if (isZip(bytes) && byName !== "epub") {
      throw new ImportError(`${what} file is really a zip archive (a Word or OpenDocument file?) \u2014 save it as .txt, .md, .html, .epub or .pdf`);
    }
    return byName;
  }
  if (isPdf(bytes)) return "pdf";
  if (looksLikeHtml(bytes)) return "html";
  throw new ImportError(`unsupported file type ${what} \u2014 Scholia imports .txt, .md, .html, .epub, .pdf`);
}
var BY_EXTENSION, PDF_HEADER_WINDOW, HTML_SNIFF_BYTES, ascii, isPdf, isZip, isEpub;
var init_detect = __esm({
  "src/main/core/import/detect.ts"() {
    init_types();
    BY_EXTENSION = {
      txt: "text",
      text: "text",
      md: "markdown",
      markdown: "markdown",
      mdown: "markdown",
      mkd: "markdown",
      html: "html",
      htm: "html",
      xhtml: "html",
      shtml: "html",
      epub: "epub",
      pdf: "pdf"
    };
    PDF_HEADER_WINDOW = 1024;
    HTML_SNIFF_BYTES = 1024;
    ascii = (bytes, from, to) => Buffer.from(bytes.subarray(from, Math.min(to, bytes.length))).toString("latin1");
    isPdf = (bytes) => ascii(bytes, 0, PDF_HEADER_WINDOW).includes("%PDF-");
    isZip = (bytes) => bytes[0] === 80 && bytes[1] === 75 && bytes[2] === 3 && bytes[3] === 4;
    isEpub = (bytes) => isZip(bytes) && ascii(bytes, 30, 38) === "mimetype" && ascii(bytes, 38, 100).includes("application/epub+zip");
  }
});

// src/main/core/import/cyrillic-score.ts
import iconv from "iconv-lite";
function russianScore(text) {
  const chars = Array.from(text);
  let cyr = 0;
  let common = 0;
  let lower = 0;
  let nonAscii = 0;
  let odd = 0;
  chars.forEach((ch, i) => {
    if (ch <= "\x7F" || /\s/.test(ch)) return;
    if (NEUTRAL.has(ch) && !(GLUE_SENSITIVE.has(ch) && (isLetter(chars[i - 1]) || isLetter(chars[i + 1])))) return;
    nonAscii++;
    if (!RUSSIAN_LETTER.test(ch)) {
      odd++;
      return;
    }
    cyr++;
    const low = ch.toLowerCase();
    if (low === ch) lower++;
    if (COMMON_LETTERS.has(low)) common++;
  });
  if (cyr === 0) return { score: -Infinity, letterShare: 0 };
  const words = text.match(/[\u0400-\u04ff]+/g) ?? [];
  let bigrams = 0;
  let goodBigrams = 0;
  let bad = 0;
  for (const w of words) {
    const lw = w.toLowerCase();
    for (let i = 0; i + 1 < lw.length; i++) {
      bigrams++;
      if (COMMON_BIGRAMS.has(lw.slice(i, i + 2))) goodBigrams++;
    }
    if (/[а-яё][А-ЯЁ]/.test(w) || /^[ъьЪЬ]/.test(w)) bad++;
  }
  const starts = [...text.matchAll(new RegExp(`(?:^|[.!?\u2026]\\s+|\\n)[\\s#*>\\-\u2013\u2014\xAB"\u201C\u201E'\u2018(]*(\\p{L})`, "gu"))].map((m) => m[1]).filter((c) => CYRILLIC.test(c));
  const capitalStarts = starts.filter((c) => /[А-ЯЁ]/.test(c)).length;
  const score = common / cyr + (bigrams ? goodBigrams / bigrams : 0) + LOWERCASE_WEIGHT * (lower / cyr) + SENTENCE_CAPS_WEIGHT * (starts.length ? capitalStarts / starts.length : 0) - ODD_WEIGHT * (odd / nonAscii) - BAD_WORD_WEIGHT * (words.length ? bad / words.length : 0);
  return { score, letterShare: cyr / nonAscii };
}
function bestCyrillicDecoding(bytes, preferred = []) {
  const rank = (name) => {
    const i = preferred.findIndex((p) => p.toLowerCase() === name.toLowerCase());
    return i === -1 ? preferred.length : i;
  };
  const order = [...CYRILLIC_ENCODINGS].sort((a, b) => rank(a) - rank(b));
  let best = null;
  for (const encoding of order) {
    const text = iconv.decode(Buffer.from(bytes), ICONV_NAMES[encoding] ?? encoding);
    if (!CYRILLIC.test(text)) continue;
    const { score, letterShare } = russianScore(text);
    if (letterShare < MIN_LETTER_SHARE || score < MIN_SCORE) continue;
    if (!best || score > best.score) best = { encoding, text, score };
  }
  return best;
}
var CYRILLIC_ENCODINGS, ICONV_NAMES, COMMON_LETTERS, COMMON_BIGRAMS, RUSSIAN_LETTER, CYRILLIC, NEUTRAL, GLUE_SENSITIVE, LOWERCASE_WEIGHT, ODD_WEIGHT, SENTENCE_CAPS_WEIGHT, BAD_WORD_WEIGHT, MIN_SCORE, MIN_LETTER_SHARE, isLetter;
var init_cyrillic_score = __esm({
  "src/main/core/import/cyrillic-score.ts"() {
    CYRILLIC_ENCODINGS = ["windows-1251", "KOI8-R", "x-mac-cyrillic", "IBM866", "ISO-8859-5"];
    ICONV_NAMES = { "x-mac-cyrillic": "maccyrillic" };
    COMMON_LETTERS = new Set("\u043E\u0435\u0430\u0438\u043D\u0442\u0441\u0440\u0432\u043B");
    COMMON_BIGRAMS = new Set(
      "\u0441\u0442 \u043D\u043E \u0442\u043E \u043D\u0430 \u0435\u043D \u043E\u0432 \u043D\u0438 \u0440\u0430 \u0432\u043E \u043A\u043E \u0430\u043B \u043F\u0440 \u043B\u0438 \u0435\u0440 \u043E\u0442 \u043E\u0441 \u043F\u043E \u043D\u0435 \u0440\u0435 \u0433\u043E \u043A\u0430 \u043E\u0440 \u0440\u043E \u0430\u043D \u0435\u0442 \u043E\u043B \u0442\u044C \u0435\u043B \u0437\u0430 \u043E\u043C \u0432\u0430 \u043B\u0430 \u0438\u0435 \u0430\u0442 \u0438\u043D \u0442\u0438 \u044B\u0439 \u0441\u043A \u0435\u0441 \u043B\u044C \u0438\u0442 \u0440\u0438 \u043B\u0435 \u043E\u0434 \u0432\u0435 \u0435\u043B \u0435\u043C \u043E\u0439 \u0430\u044F \u0438\u044F \u044B\u0445 \u0430\u043A \u043A\u0438 \u0434\u0435 \u043C\u0435".split(" ")
    );
    RUSSIAN_LETTER = /[а-яёіїєґў]/i;
    CYRILLIC = /[\u0400-\u04ff]/;
    NEUTRAL = new Set("\xAB\xBB\u2014\u2013\u2026\u201C\u201D\u201E\u2018\u2019\u2116\u2022\xB7\xB0\xA0");
    GLUE_SENSITIVE = new Set("\u2014\u2013\u2022\u2116");
    LOWERCASE_WEIGHT = 0.5;
    ODD_WEIGHT = 2;
    SENTENCE_CAPS_WEIGHT = 0.5;
    BAD_WORD_WEIGHT = 1;
    MIN_SCORE = 0.8;
    MIN_LETTER_SHARE = 0.8;
    isLetter = (ch) => ch !== void 0 && new RegExp("\\p{L}", "u").test(ch);
  }
});

// src/main/core/import/encoding.ts
import chardet from "chardet";
import iconv2 from "iconv-lite";
function decodeText(bytes, declaredCharset) {
  if (bytes.length === 0) throw new ImportError(EMPTY_MESSAGE);
  const decoded = decodeRaw(bytes, declaredCharset ?? null);
  const unmarked = decoded.text.replace(/^\uFEFF/, "");
  const text = unmarked.indexOf("\r") < 0 ? unmarked : unmarked.replace(/\r\n?/g, "\n");
  if (controlShare(text) > MAX_CONTROL_SHARE) throw new ImportError(BINARY_MESSAGE);
  if (text.trim() === "") throw new ImportError(EMPTY_MESSAGE);
  return { text, encoding: decoded.encoding };
}
function decodeRaw(bytes, declared) {
  const bom = fromBom(bytes);
  if (bom) return bom;
  const westernHint = declared !== null && WESTERN_LABELS.has(key(declared));
  if (declared && !westernHint && iconv2.encodingExists(iconvName(declared))) {
    const fromDeclared = decodeDeclared(bytes, declared);
    if (fromDeclared) return fromDeclared;
  }
  const utf16 = bomlessUtf16(bytes);
  if (utf16) return utf16;
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) throw new ImportError(BINARY_MESSAGE);
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: "UTF-8" };
  if (mostlyUtf8(bytes)) return { text: decodeUtf8Lenient(bytes), encoding: "UTF-8" };
  return decodeLegacy(bytes, westernHint ? "windows-1252" : null);
}
function fromBom(bytes) {
  const [a, b, c] = bytes;
  if (a === 239 && b === 187 && c === 191) return { text: decodeUtf8Lenient(bytes.subarray(3)), encoding: "UTF-8" };
  if (a === 255 && b === 254) return { text: iconv2.decode(Buffer.from(bytes.subarray(2)), "utf16le"), encoding: "UTF-16LE" };
  if (a === 254 && b === 255) return { text: iconv2.decode(Buffer.from(bytes.subarray(2)), "utf16be"), encoding: "UTF-16BE" };
  return null;
}
function decodeDeclared(bytes, declared) {
  const k = key(declared);
  const utf8 = strictUtf8(bytes);
  if (k === "utf8") return utf8 === null ? null : { text: utf8, encoding: "UTF-8" };
  if (utf8 !== null && /[^\x00-\x7f]/.test(utf8) && !k.startsWith("utf")) return { text: utf8, encoding: "UTF-8" };
  return { text: iconv2.decode(Buffer.from(bytes), iconvName(declared)), encoding: displayName(declared) };
}
function bomlessUtf16(bytes) {
  const sample = bytes.subarray(0, BINARY_SNIFF_BYTES & ~1);
  if (sample.indexOf(0) < 0) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  const units = sample.length / 2;
  if (units === 0 || (even + odd) / units < UTF16_MIN_NUL_SHARE) return null;
  if (odd / (even + odd) >= UTF16_PARITY_SHARE) return { text: iconv2.decode(Buffer.from(bytes), "utf16le"), encoding: "UTF-16LE" };
  if (even / (even + odd) >= UTF16_PARITY_SHARE) return { text: iconv2.decode(Buffer.from(bytes), "utf16be"), encoding: "UTF-16BE" };
  return null;
}
function strictUtf8(bytes) {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return null;
  }
}
function mostlyUtf8(bytes) {
  let valid = 0;
  let invalid2 = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 128) continue;
    const len = b >= 194 && b <= 223 ? 2 : b >= 224 && b <= 239 ? 3 : b >= 240 && b <= 244 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k] & 192) === 128;
    if (ok) {
      valid++;
      i += len - 1;
    } else invalid2++;
  }
  return valid >= UTF8_MIN_SEQUENCES && valid >= UTF8_DAMAGE_RATIO * invalid2;
}
function decodeLegacy(bytes, westernHint) {
  const guesses = chardet.analyse(bytes).filter((g) => iconv2.encodingExists(iconvName(g.name)));
  if (nonLatinWordShare(bytes) >= NON_LATIN_WORD_SHARE) {
    const cyr = bestCyrillicDecoding(bytes, guesses.map((g) => g.name));
    if (cyr) return { text: cyr.text, encoding: displayName(cyr.encoding) };
    const top = guesses.find((g) => !CYRILLIC_ENCODINGS.includes(displayName(g.name)));
    if (top && top.confidence >= CHARDET_TRUST) return { text: iconv2.decode(Buffer.from(bytes), iconvName(top.name)), encoding: top.name };
    throw new ImportError(BINARY_MESSAGE);
  }
  const latin = guesses.find((g) => /^(ISO-8859-(1|2|9|15)|windows-125[0247])$/i.test(g.name));
  let name = westernHint ?? latin?.name ?? "windows-1252";
  if (/^ISO-8859-1$/i.test(name) && bytes.some((b) => b >= 128 && b <= 159)) name = "windows-1252";
  const text = iconv2.decode(Buffer.from(bytes), name);
  if (latinHighRunShare(text) > MAX_LATIN_HIGH_RUN_SHARE) throw new ImportError(BINARY_MESSAGE);
  return { text, encoding: displayName(name) };
}
function nonLatinWordShare(bytes) {
  let withHigh = 0;
  let onlyHigh = 0;
  let len = 0;
  let high = 0;
  const flush = () => {
    if (high > 0) {
      withHigh++;
      if (high === len && len >= 2) onlyHigh++;
    }
    len = 0;
    high = 0;
  };
  for (const b of bytes) {
    const asciiLetter = b >= 65 && b <= 90 || b >= 97 && b <= 122;
    if (b >= 128) {
      len++;
      high++;
    } else if (asciiLetter) len++;
    else flush();
  }
  flush();
  return withHigh === 0 ? 0 : onlyHigh / withHigh;
}
function latinHighRunShare(text) {
  let total = 0;
  let inRuns = 0;
  for (const run of text.match(/[^\x00-\x7f\s]+/g) ?? []) {
    total += run.length;
    if (run.length >= LATIN_HIGH_RUN) inRuns += run.length;
  }
  return total === 0 ? 0 : inRuns / total;
}
function controlShare(text) {
  if (text.length === 0) return 0;
  const bad = text.match(/[\x00-\x08\x0e-\x1f\x7f-\x9f\uFFFD]/g);
  return (bad?.length ?? 0) / text.length;
}
var BINARY_MESSAGE, EMPTY_MESSAGE, BINARY_SNIFF_BYTES, MAX_CONTROL_SHARE, UTF16_MIN_NUL_SHARE, UTF16_PARITY_SHARE, NON_LATIN_WORD_SHARE, MAX_LATIN_HIGH_RUN_SHARE, LATIN_HIGH_RUN, UTF8_MIN_SEQUENCES, UTF8_DAMAGE_RATIO, CHARDET_TRUST, DISPLAY_NAMES, WESTERN_LABELS, key, displayName, iconvName, strictDecoder, decodeUtf8Lenient;
var init_encoding = __esm({
  "src/main/core/import/encoding.ts"() {
    init_types();
    init_cyrillic_score();
    BINARY_MESSAGE = "binary or undecodable data \u2014 not a text file; choose a text file or re-save it as UTF-8 text";
    EMPTY_MESSAGE = "file is empty; choose a file that contains text";
    BINARY_SNIFF_BYTES = 8e3;
    MAX_CONTROL_SHARE = 0.05;
    UTF16_MIN_NUL_SHARE = 0.25;
    UTF16_PARITY_SHARE = 0.9;
    NON_LATIN_WORD_SHARE = 0.5;
    MAX_LATIN_HIGH_RUN_SHARE = 0.3;
    LATIN_HIGH_RUN = 3;
    UTF8_MIN_SEQUENCES = 8;
    UTF8_DAMAGE_RATIO = 10;
    CHARDET_TRUST = 50;
    DISPLAY_NAMES = {
      utf8: "UTF-8",
      utf16le: "UTF-16LE",
      utf16be: "UTF-16BE",
      windows1251: "windows-1251",
      cp1251: "windows-1251",
      koi8r: "KOI8-R",
      maccyrillic: "x-mac-cyrillic",
      xmaccyrillic: "x-mac-cyrillic",
      cp866: "IBM866",
      ibm866: "IBM866",
      iso88591: "ISO-8859-1",
      latin1: "ISO-8859-1",
      windows1252: "windows-1252",
      cp1252: "windows-1252",
      iso88595: "ISO-8859-5"
    };
    WESTERN_LABELS = /* @__PURE__ */ new Set(["iso88591", "latin1", "l1", "windows1252", "cp1252", "usascii", "ascii"]);
    key = (label) => label.toLowerCase().replace(/[^a-z0-9]/g, "");
    displayName = (label) => DISPLAY_NAMES[key(label)] ?? label;
    iconvName = (label) => key(label) === "xmaccyrillic" ? "maccyrillic" : label;
    strictDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    decodeUtf8Lenient = (bytes) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  }
});

// src/main/core/import/dates.ts
function toIso(yearText, monthText, dayText) {
  const year = Number(yearText);
  const month = /^\d+$/.test(monthText) ? Number(monthText) : MONTHS[monthText.toLowerCase()];
  const day = Number(dayText);
  if (!month || year < YEAR_MIN || year > YEAR_MAX || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
function pickFrom(m, outerGroup, p) {
  const inner = m.slice(outerGroup);
  const [y, mo, d] = p.pick(inner);
  return toIso(y, mo, d);
}
function parseDateLine(line) {
  if (line.length > 80 || !HAS_YEAR.test(line)) return null;
  for (let i = 0; i < PATTERNS.length; i++) {
    const m = WHOLE_LINE[i].exec(line);
    if (!m) continue;
    const iso = pickFrom(m, 1, PATTERNS[i]);
    if (iso) return { iso, raw: line.trim() };
  }
  return null;
}
function parseTrailingDate(line) {
  if (!LIKELY_DATE_END.test(line.trimEnd().slice(-4)) || !HAS_YEAR.test(line)) return null;
  for (let i = 0; i < PATTERNS.length; i++) {
    const m = LINE_END[i].exec(line);
    if (!m) continue;
    const iso = pickFrom(m, 2, PATTERNS[i]);
    if (!iso) continue;
    const raw = line.slice(m[1].length).replace(SEPARATOR_PREFIX, "").trim();
    return { before: m[1].trim(), date: { iso, raw } };
  }
  return null;
}
var YEAR_MIN, YEAR_MAX, MONTHS, addMonths, WEEKDAY, LABEL, TIME, ORD, MONTH_WORD, RU_YEAR_SUFFIX, PATTERNS, compile, WHOLE_LINE, LINE_END, LIKELY_DATE_END, HAS_YEAR, SEPARATOR_PREFIX;
var init_dates = __esm({
  "src/main/core/import/dates.ts"() {
    YEAR_MIN = 1800;
    YEAR_MAX = 2199;
    MONTHS = {};
    addMonths = (names) => {
      names.forEach((forms, i) => forms.forEach((f) => MONTHS[f] = i + 1));
    };
    addMonths([
      ["january", "jan"],
      ["february", "feb"],
      ["march", "mar"],
      ["april", "apr"],
      ["may"],
      ["june", "jun"],
      ["july", "jul"],
      ["august", "aug"],
      ["september", "sep", "sept"],
      ["october", "oct"],
      ["november", "nov"],
      ["december", "dec"]
    ]);
    addMonths([
      ["\u044F\u043D\u0432\u0430\u0440\u044C", "\u044F\u043D\u0432\u0430\u0440\u044F", "\u044F\u043D\u0432"],
      ["\u0444\u0435\u0432\u0440\u0430\u043B\u044C", "\u0444\u0435\u0432\u0440\u0430\u043B\u044F", "\u0444\u0435\u0432", "\u0444\u0435\u0432\u0440"],
      ["\u043C\u0430\u0440\u0442", "\u043C\u0430\u0440\u0442\u0430", "\u043C\u0430\u0440"],
      ["\u0430\u043F\u0440\u0435\u043B\u044C", "\u0430\u043F\u0440\u0435\u043B\u044F", "\u0430\u043F\u0440"],
      ["\u043C\u0430\u0439", "\u043C\u0430\u044F"],
      ["\u0438\u044E\u043D\u044C", "\u0438\u044E\u043D\u044F", "\u0438\u044E\u043D"],
      ["\u0438\u044E\u043B\u044C", "\u0438\u044E\u043B\u044F", "\u0438\u044E\u043B"],
      ["\u0430\u0432\u0433\u0443\u0441\u0442", "\u0430\u0432\u0433\u0443\u0441\u0442\u0430", "\u0430\u0432\u0433"],
      ["\u0441\u0435\u043D\u0442\u044F\u0431\u0440\u044C", "\u0441\u0435\u043D\u0442\u044F\u0431\u0440\u044F", "\u0441\u0435\u043D", "\u0441\u0435\u043D\u0442"],
      ["\u043E\u043A\u0442\u044F\u0431\u0440\u044C", "\u043E\u043A\u0442\u044F\u0431\u0440\u044F", "\u043E\u043A\u0442"],
      ["\u043D\u043E\u044F\u0431\u0440\u044C", "\u043D\u043E\u044F\u0431\u0440\u044F", "\u043D\u043E\u044F", "\u043D\u043E\u044F\u0431"],
      ["\u0434\u0435\u043A\u0430\u0431\u0440\u044C", "\u0434\u0435\u043A\u0430\u0431\u0440\u044F", "\u0434\u0435\u043A"]
    ]);
    WEEKDAY = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun|\u043F\u043E\u043D\u0435\u0434\u0435\u043B\u044C\u043D\u0438\u043A|\u0432\u0442\u043E\u0440\u043D\u0438\u043A|\u0441\u0440\u0435\u0434\u0430|\u0447\u0435\u0442\u0432\u0435\u0440\u0433|\u043F\u044F\u0442\u043D\u0438\u0446\u0430|\u0441\u0443\u0431\u0431\u043E\u0442\u0430|\u0432\u043E\u0441\u043A\u0440\u0435\u0441\u0435\u043D\u044C\u0435|\u043F\u043D|\u0432\u0442|\u0441\u0440|\u0447\u0442|\u043F\u0442|\u0441\u0431|\u0432\u0441)\\.?";
    LABEL = "(?:published|posted|updated|date|dated|\u043E\u043F\u0443\u0431\u043B\u0438\u043A\u043E\u0432\u0430\u043D\u043E|\u043E\u0431\u043D\u043E\u0432\u043B\u0435\u043D\u043E|\u0434\u0430\u0442\u0430(?:\\s+\u043F\u0443\u0431\u043B\u0438\u043A\u0430\u0446\u0438\u0438)?)\\s*(?:on\\s*)?[:\uFF1A]?";
    TIME = "(?:\\s*[,|\u2013\u2014-]?\\s*(?:at\\s+|\u0432\\s+)?\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*[ap]\\.?m\\.?)?)";
    ORD = "(?:st|nd|rd|th)?";
    MONTH_WORD = "(\\p{L}+)\\.?";
    RU_YEAR_SUFFIX = "(?:\\s*(?:\u0433\\.?|\u0433\u043E\u0434\u0430?))?";
    PATTERNS = [
      { source: "(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})" + RU_YEAR_SUFFIX, pick: (m) => [m[3], m[2], m[1]] },
      { source: "(\\d{4})-(\\d{2})-(\\d{2})(?:T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?", pick: (m) => [m[1], m[2], m[3]] },
      { source: `(\\d{1,2})${ORD}\\s+${MONTH_WORD},?\\s+(\\d{4})${RU_YEAR_SUFFIX}`, pick: (m) => [m[3], m[2], m[1]] },
      { source: `${MONTH_WORD}\\s+(\\d{1,2})${ORD},?\\s+(\\d{4})`, pick: (m) => [m[3], m[1], m[2]] }
    ];
    compile = (wrap) => PATTERNS.map((p) => new RegExp(wrap(p.source), "iu"));
    WHOLE_LINE = compile(
      (p) => `^\\s*(?:${LABEL}\\s*)?(?:${WEEKDAY},?\\s+)?(${p})${TIME}?\\s*$`
    );
    LINE_END = compile(
      (p) => `^(.*?\\S)(?:\\s*[|\u2013\u2014\u2022\xB7,]\\s*|\\s+-\\s+|\\s+)(?:${WEEKDAY},?\\s+)?(${p})${TIME}?\\s*$`
    );
    LIKELY_DATE_END = /(?:\d|г\.?|года?|m\.?)\s*$/iu;
    HAS_YEAR = /\d{4}/;
    SEPARATOR_PREFIX = /^\s*[|–—•·,-]?\s*/;
  }
});

// src/main/core/import/text-lines.ts
function isNavigationLine(line) {
  if (tooLong(line, NAVIGATION_MAX_CHARS)) return false;
  const t = clean(line);
  return t.length > 0 && t.length <= NAVIGATION_MAX_CHARS && NAVIGATION.test(t);
}
function parseAuthorLine(line) {
  if (tooLong(line, AUTHOR_MAX_CHARS)) return null;
  const t = clean(line);
  if (t.length > AUTHOR_MAX_CHARS + 40) return null;
  const labelled = AUTHOR_LABEL.exec(t);
  const by = labelled ? null : BY_LINE.exec(t);
  let name = (labelled ?? by)?.[1];
  if (!name) return null;
  let date = null;
  const trailing = parseTrailingDate(name);
  if (trailing) {
    name = trailing.before.replace(/[,|–—-]\s*$/, "").trim();
    date = trailing.date;
  }
  name = name.replace(/[.,;]$/, "").trim();
  if (!name || name.length > AUTHOR_MAX_CHARS || !new RegExp("\\p{L}", "u").test(name)) return null;
  if (by) {
    const words = name.split(/[\s,]+/).filter(Boolean);
    if (words.length > AUTHOR_MAX_WORDS || !words.every((w) => NAME_WORD.test(w))) return null;
  }
  return { author: name, date };
}
function isCaptionLine(line) {
  if (tooLong(line, CAPTION_MAX_CHARS)) return false;
  if (!MAYBE_CAPTION.test(line) || !CAPTION.test(line.trim())) return false;
  return line.length <= CAPTION_MAX_CHARS || clean(line).length <= CAPTION_MAX_CHARS;
}
function parseRelatedHeader(line) {
  if (tooLong(line, HEADLINE_MAX_CHARS) || !MAYBE_RELATED.test(line)) return null;
  const t = clean(line);
  if (t.length > HEADLINE_MAX_CHARS) return null;
  const m = RELATED.exec(t);
  if (!m) return null;
  const inline2 = m[1]?.trim() || null;
  if (inline2 && /https?:\/\//i.test(inline2)) return null;
  return { label: inline2 ? t.slice(0, t.length - inline2.length).trim() : t, inline: inline2 };
}
function stripBullet(line) {
  const t = line.trim();
  const m = BULLET.exec(t) ?? ORDERED.exec(t);
  if (!m || m[0].length === t.length) return null;
  return { text: t.slice(m[0].length), ordered: /^\d/.test(m[0]) };
}
function stripDash(text) {
  const m = DASH_START.exec(text);
  return m ? text.slice(m[0].length) : null;
}
function questionText(text) {
  if (!MAYBE_QUESTION.test(text)) return null;
  const t = clean(text);
  if (QUESTION_LABEL.test(t)) return t;
  const body = stripDash(t);
  return body !== null && /\?[»"”’)]*$/u.test(body) ? body : null;
}
function endsMidSentence(line) {
  const t = clean(line.slice(-ENDING_CHARS));
  if (/[,;:(\-–—]$/.test(t)) return true;
  const last = new RegExp("(\\p{L}+)$", "u").exec(t)?.[1]?.toLowerCase();
  return last !== void 0 && FUNCTION_WORDS.has(last);
}
function isHeadlineLike(line) {
  if (tooLong(line, HEADLINE_MAX_CHARS)) return false;
  const t = clean(line);
  if (t.length < 2 || t.length > HEADLINE_MAX_CHARS || !new RegExp("\\p{L}", "u").test(t)) return false;
  if (!/^[\p{Lu}\p{N}«"“„'‘(]/u.test(t)) return false;
  if (/[.,;:]$/.test(t) && !/\.\.\.$/.test(t)) return false;
  if (endsMidSentence(t) || URL_ONLY.test(t)) return false;
  return !(isNavigationLine(t) || parseAuthorLine(t) || isCaptionLine(t) || parseRelatedHeader(t) || stripBullet(t) || parseDateLine(t));
}
var HEADLINE_MAX_CHARS, CAPTION_MAX_CHARS, AUTHOR_MAX_CHARS, AUTHOR_MAX_WORDS, NAVIGATION_MAX_CHARS, ENDING_CHARS, NAVIGATION, AUTHOR_LABEL, BY_LINE, NAME_WORD, CAPTION, RELATED, BULLET, ORDERED, DASH_START, QUESTION_LABEL, URL_ONLY, MAYBE_QUESTION, MAYBE_CAPTION, MAYBE_RELATED, FUNCTION_WORDS, clean, tooLong;
var init_text_lines = __esm({
  "src/main/core/import/text-lines.ts"() {
    init_dates();
    HEADLINE_MAX_CHARS = 200;
    CAPTION_MAX_CHARS = 200;
    AUTHOR_MAX_CHARS = 80;
    AUTHOR_MAX_WORDS = 6;
    NAVIGATION_MAX_CHARS = 60;
    ENDING_CHARS = 40;
    NAVIGATION = new RegExp(
      "^(?:[\u2190\u2039\xAB<]\\s*)?(?:" + [
        "go back",
        "back",
        "back to (?:the )?(?:section|all news|news|news list|list|top|home|homepage|index|main page|previous page|articles)",
        "to the top",
        "back to top",
        "top of page",
        "all news",
        "next",
        "previous",
        "next article",
        "previous article",
        "print",
        "print version",
        "share",
        "share this",
        "\u043D\u0430\u0437\u0430\u0434",
        "\u0432\u0435\u0440\u043D\u0443\u0442\u044C\u0441\u044F(?: \u043D\u0430\u0437\u0430\u0434)?",
        "\u0432\u0435\u0440\u043D\u0443\u0442\u044C\u0441\u044F (?:\u043A|\u0432|\u043D\u0430) .{1,30}",
        "\u043D\u0430\u0432\u0435\u0440\u0445",
        "\u0432\u0441\u0435 \u043D\u043E\u0432\u043E\u0441\u0442\u0438",
        "\u043A \u0441\u043F\u0438\u0441\u043A\u0443 \u043D\u043E\u0432\u043E\u0441\u0442\u0435\u0439",
        "\u043D\u0430 \u0433\u043B\u0430\u0432\u043D\u0443\u044E",
        "\u0432\u0435\u0440\u0441\u0438\u044F \u0434\u043B\u044F \u043F\u0435\u0447\u0430\u0442\u0438",
        "\u043F\u043E\u0434\u0435\u043B\u0438\u0442\u044C\u0441\u044F"
      ].join("|") + ")(?:\\s*[\u2192\u203A\xBB>])?$",
      "iu"
    );
    AUTHOR_LABEL = /^(?:authors?|written by|text|story|автор[ыа]?|текст|материал подготовил[аи]?)\s*[:：]\s*(.+)$/iu;
    BY_LINE = /^by\s+(.+)$/iu;
    NAME_WORD = new RegExp("^(?:\\p{Lu}[\\p{L}'\u2019.-]*|\\p{Lu}\\.|de|da|del|der|di|du|la|le|van|von|bin|ibn|and|\u0438|&)$", "u");
    CAPTION = new RegExp("\xA9|\\(c\\)\\s|\\b(?:photo|photograph|image|picture|illustration)s?\\s*(?:by\\b|:|credit)|(?<!\\p{L})\u0444\u043E\u0442\u043E(?:\u0433\u0440\u0430\u0444\u0438\u044F)?\\s*[:\u2014\u2013-]|(?<!\\p{L})\u0444\u043E\u0442\u043E\\s+\\p{Lu}", "iu");
    RELATED = /^(?:read also|also read|see also|read more|related(?: articles| news| stories| posts| links)?|more on (?:this|the) topic|читайте также|смотрите также|читайте ещё|читайте еще|по теме|материалы по теме|похожие (?:новости|статьи|материалы))\s*(?:[:：]\s*(.*))?$/iu;
    BULLET = /^(?:[•·▪●◦‣■□➤►]\s*|[*\-–—]\s+)/u;
    ORDERED = /^\d{1,3}[.)]\s+/;
    DASH_START = /^[-–—]\s+/;
    QUESTION_LABEL = /^(?:q|question|вопрос)\s*:\s+/iu;
    URL_ONLY = /^https?:\/\/\S+$/i;
    MAYBE_QUESTION = /^\s*(?:[-–—]|q|вопрос)/iu;
    MAYBE_CAPTION = /©|\(c\)|photo|image|picture|illustration|фото/iu;
    MAYBE_RELATED = /^\s*(?:read|also|see|related|more|читайте|смотрите|по|материалы|похожие)/iu;
    FUNCTION_WORDS = new Set(
      "a an the and or but of on in at to from by for with about as than that since until till before after into onto over under is are was were be been \u0438 \u0438\u043B\u0438 \u043D\u043E \u0430 \u0432 \u0432\u043E \u043D\u0430 \u0441 \u0441\u043E \u043E\u0442 \u0434\u043E \u043A \u043A\u043E \u043F\u043E \u0438\u0437 \u0437\u0430 \u043E \u043E\u0431 \u043F\u0440\u043E \u0434\u043B\u044F \u043F\u0440\u0438 \u0443 \u0436\u0435 \u0447\u0442\u043E \u043A\u0430\u043A".split(" ")
    );
    clean = (line) => line.replace(/\s+/g, " ").trim();
    tooLong = (line, max) => line.length > 2 * max;
  }
});

// src/main/core/import/text-html.ts
function escapeHtml(s) {
  if (!/[&<>"']/.test(s)) return s;
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
function inline(text) {
  if (!HAS_URL.test(text)) return [text];
  const out = [];
  let last = 0;
  for (const m of text.matchAll(URL2)) {
    const url = m[0].replace(URL_TRAIL, "");
    const at = m.index ?? 0;
    if (!url || TRUNCATED.test(m[0])) continue;
    out.push(text.slice(last, at), el("a", [url], [["href", url]]));
    last = at + url.length;
  }
  out.push(text.slice(last));
  return out;
}
function isVerse(lines) {
  if (lines.length < 2 || !lines.every((l) => l.length <= VERSE_MAX_LINE)) return false;
  const sentenceEnds = lines.slice(0, -1).filter((l) => /[.!?…]["»”’)]*$/u.test(l)).length;
  return sentenceEnds < (lines.length - 1) / 2;
}
function paragraph(lines) {
  if (!isVerse(lines)) return el("p", inline(lines.join(" ")));
  const kids = [];
  lines.forEach((l, i) => {
    if (i > 0) kids.push(el("br", []), "\n");
    kids.push(...inline(l));
  });
  return el("p", kids);
}
function list(items, ordered) {
  const kids = ["\n"];
  for (const i of items) kids.push(el("li", inline(i)), "\n");
  return el(ordered ? "ol" : "ul", kids);
}
function dateline(date, before) {
  const time = el("time", [date.raw], [["datetime", date.iso]]);
  return el("p", before ? [...inline(before), " ", time] : [time]);
}
function related(label, items) {
  return el("section", ["\n", el("p", [el("strong", [label])]), "\n", list(items, false), "\n"]);
}
function writeNode(n, out) {
  if (typeof n === "string") {
    out.push(escapeHtml(n));
    return;
  }
  let open = "<" + n.tag;
  for (const [name, value] of n.attrs ?? []) open += ` ${name}="${escapeHtml(value)}"`;
  out.push(open + ">");
  if (n.tag === "br") return;
  for (const k of n.kids) writeNode(k, out);
  out.push(`</${n.tag}>`);
}
function blocksToHtml(blocks) {
  const out = [];
  blocks.forEach((b, i) => {
    if (i > 0) out.push("\n");
    writeNode(b, out);
  });
  return out.join("");
}
var VERSE_MAX_LINE, URL2, URL_TRAIL, TRUNCATED, HAS_URL, el, caption, question, turn, heading;
var init_text_html = __esm({
  "src/main/core/import/text-html.ts"() {
    VERSE_MAX_LINE = 60;
    URL2 = /https?:\/\/[^\s<>"\x00-\x1f\x7f]+/g;
    URL_TRAIL = /[.,;:!?)\]»"'”’]+$/;
    TRUNCATED = /(?:\.\.\.|…)$/;
    HAS_URL = /https?:\/\//;
    el = (tag, kids, attrs) => attrs ? { tag, attrs, kids } : { tag, kids };
    caption = (text) => el("figure", [el("figcaption", inline(text))]);
    question = (text) => el("p", [el("strong", inline(text))], [["class", "question"]]);
    turn = (text) => el("p", ["\u2014 ", ...inline(text)]);
    heading = (text) => el("h2", inline(text));
  }
});

// src/main/core/import/canonical-text.ts
function wellFormed(s) {
  return SURROGATE.test(s) ? s.replace(LONE_SURROGATE, "\uFFFD") : s;
}
function escapeText(s) {
  if (!TEXT_SPECIAL.test(s)) return s;
  return s.replace(/[&<>\u00a0\r]/g, (c) => ESCAPES[c]);
}
function escapeAttr(s) {
  return s.replace(/[&"<>\u00a0\r]/g, (c) => ESCAPES[c]);
}
var BLOCK, SURROGATE, LONE_SURROGATE, TEXT_SPECIAL, ESCAPES;
var init_canonical_text = __esm({
  "src/main/core/import/canonical-text.ts"() {
    BLOCK = /* @__PURE__ */ new Set([
      "address",
      "article",
      "aside",
      "blockquote",
      "caption",
      "dd",
      "details",
      "div",
      "dl",
      "dt",
      "fieldset",
      "figcaption",
      "figure",
      "footer",
      "form",
      "h1",
      "h2",
      "h3",
      "h4",
      "h5",
      "h6",
      "header",
      "hgroup",
      "hr",
      "li",
      "main",
      "nav",
      "ol",
      "p",
      "pre",
      "section",
      "summary",
      "table",
      "tbody",
      "td",
      "tfoot",
      "th",
      "thead",
      "tr",
      "ul"
    ]);
    SURROGATE = /[\ud800-\udfff]/;
    LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
    TEXT_SPECIAL = /[&<>\u00a0\r]/;
    ESCAPES = {
      "&": "&amp;",
      "<": "&lt;",
      ">": "&gt;",
      '"': "&quot;",
      "\xA0": "&nbsp;",
      "\r": "&#13;"
    };
  }
});

// src/main/core/import/html-limits.ts
var MAX_HTML_CHARS, MAX_NESTING_DEPTH;
var init_html_limits = __esm({
  "src/main/core/import/html-limits.ts"() {
    MAX_HTML_CHARS = 50 * 1024 * 1024;
    MAX_NESTING_DEPTH = 100;
  }
});

// src/main/core/import/safe-html.ts
function normaliseKids(kids) {
  const out = [];
  let run = "";
  const flush = () => {
    if (!SPECIAL.test(run)) {
      if (run !== "") out.push({ text: run, html: run });
      run = "";
      return;
    }
    const w = wellFormed(run);
    const t = /[\r\0]/.test(w) ? w.replace(/\r\n?/g, "\n").replace(/\0/g, "") : w;
    if (t !== "") out.push({ text: t, html: escapeText(t) });
    run = "";
  };
  for (const k of kids) {
    if (typeof k === "string") run += k;
    else {
      flush();
      out.push(build(k));
    }
  }
  flush();
  return out;
}
function build(e) {
  if (!TAGS.has(e.tag)) throw new Unsupported(e.tag);
  let attrs = "";
  for (const [name, value] of e.attrs ?? []) {
    if (DROPPED_ATTRIBUTES.has(name)) continue;
    const rule = KEPT_ATTRIBUTES[e.tag];
    if (!rule || rule.name !== name || !rule.value.test(value)) throw new Unsupported(`${e.tag} ${name}`);
    attrs += ` ${name}="${escapeAttr(wellFormed(value))}"`;
  }
  if (e.tag === "br") return { tag: "br", attrs, kids: [] };
  return { tag: e.tag, attrs, kids: normaliseKids(e.kids) };
}
function write(kids, html, text) {
  for (let i = 0; i < kids.length; i++) {
    const cur = kids[i];
    if (i > 0) {
      const prev = kids[i - 1];
      if ((breaksAfter(prev) || isBlock(cur)) && !endsWithSpace(prev) && !startsWithSpace(cur)) {
        html.push("\n");
        text.push("\n");
      }
    }
    if (isText(cur)) {
      html.push(cur.html);
      text.push(cur.text);
      continue;
    }
    html.push(`<${cur.tag}${cur.attrs}>`);
    if (cur.tag === "br") continue;
    write(cur.kids, html, text);
    html.push(`</${cur.tag}>`);
  }
}
function canonicalBlocks(blocks) {
  const top = [];
  try {
    blocks.forEach((b, i) => {
      if (i > 0) top.push(NEWLINE);
      top.push(build(b));
    });
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
  const html = [];
  const text = [];
  write(top, html, text);
  const out = { html: html.join(""), text: text.join("") };
  if (out.html.length > MAX_HTML_CHARS) {
    throw new ImportError(
      `document too large (${Math.round(out.html.length / 1048576)} MB of HTML, limit ${MAX_HTML_CHARS / 1048576} MB) \u2014 split it into smaller files`
    );
  }
  return out;
}
var TAGS, KEPT_ATTRIBUTES, DROPPED_ATTRIBUTES, Unsupported, SPECIAL, NEWLINE, isText, isBlock, breaksAfter, startsWithSpace, endsWithSpace;
var init_safe_html = __esm({
  "src/main/core/import/safe-html.ts"() {
    init_canonical_text();
    init_html_limits();
    init_types();
    TAGS = /* @__PURE__ */ new Set(["p", "br", "ul", "ol", "li", "figure", "figcaption", "strong", "h2", "time", "section", "a"]);
    KEPT_ATTRIBUTES = {
      a: { name: "href", value: /^https?:\/\/[^\s<>"\x00-\x1f\x7f]*$/ },
      time: { name: "datetime", value: /^\d{4}-\d{2}-\d{2}$/ }
    };
    DROPPED_ATTRIBUTES = /* @__PURE__ */ new Set(["class"]);
    Unsupported = class extends Error {
    };
    SPECIAL = /[\ud800-\udfff\r\0&<>\u00a0]/;
    NEWLINE = { text: "\n", html: "\n" };
    isText = (n) => !("tag" in n);
    isBlock = (n) => !isText(n) && BLOCK.has(n.tag);
    breaksAfter = (n) => !isText(n) && (BLOCK.has(n.tag) || n.tag === "br");
    startsWithSpace = (n) => isText(n) && /^\s/.test(n.text);
    endsWithSpace = (n) => isText(n) && /\s$/.test(n.text);
  }
});

// src/main/core/import/titles.ts
function firstSentence(text) {
  const t = text.slice(0, SENTENCE_SCAN_CHARS).replace(/\s+/g, " ").trim();
  for (const m of t.matchAll(SENTENCE_END)) {
    const end = (m.index ?? 0) + m[0].length;
    const before = /([\p{L}]+)$/u.exec(t.slice(0, m.index))?.[1] ?? "";
    if (/^\.[»"”’)]*$/u.test(m[0])) {
      if (new RegExp("^\\p{Lu}$", "u").test(before)) continue;
      if (ABBREVIATIONS.has(before.toLowerCase())) continue;
    }
    const next = t.slice(end).trimStart();
    if (next === "" || /^[\p{Lu}\p{N}«"“„'‘(—–-]/u.test(next)) return t.slice(0, end);
  }
  return t;
}
function truncateTitle(text, max = TITLE_MAX_CHARS) {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  const head = space > max / 2 ? cut.slice(0, space) : cut;
  return head.replace(/[\s,;:–—-]+$/u, "") + "\u2026";
}
function titleFromText(text, max = TITLE_MAX_CHARS) {
  const sentence2 = firstSentence(text).replace(/(?<!\.)\.$/, "");
  return truncateTitle(sentence2, max);
}
function titleFromSource(source) {
  const path = source.replace(/[?#].*$/, "").replace(/[\\/]+$/, "");
  let name = path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1);
  try {
    name = decodeURIComponent(name);
  } catch {
  }
  return name.replace(/\.[A-Za-z0-9]{1,10}$/, "").trim() || "Untitled";
}
var TITLE_MAX_CHARS, ABBREVIATIONS, SENTENCE_SCAN_CHARS, SENTENCE_END;
var init_titles = __esm({
  "src/main/core/import/titles.ts"() {
    TITLE_MAX_CHARS = 100;
    ABBREVIATIONS = new Set(
      "mr mrs ms dr prof st jr sr vs etc no nos vol fig al gen col lt sgt rev inc ltd co corp approx dept est jan feb mar apr jun jul aug sep sept oct nov dec \u0433 \u0433\u0433 \u0438\u043C \u0443\u043B \u0434 \u0442 \u0442\u044B\u0441 \u043C\u043B\u043D \u043C\u043B\u0440\u0434 \u0440\u0443\u0431 \u0441\u043C \u0441\u0442\u0440 \u0440\u0438\u0441 \u0434\u0440 \u043F\u0440 \u043F\u0440\u043E\u0444 \u0430\u043A\u0430\u0434 \u0433\u0435\u043D".split(" ")
    );
    SENTENCE_SCAN_CHARS = 2e3;
    SENTENCE_END = /[.!?…]+[»"”’)]*(?=\s|$)/gu;
  }
});

// src/main/core/import/text-units.ts
function dateline2(line, atStart) {
  const whole = parseDateLine(line);
  if (whole) return { kind: "date", date: whole, before: null, headline: false };
  if (!atStart || line.length > DATELINE_MAX_CHARS) return null;
  const t = parseTrailingDate(line);
  if (!t) return null;
  if (wordCount(t.before) >= HEADLINE_MIN_WORDS && isHeadlineLike(t.before))
    return { kind: "date", date: t.date, before: t.before, headline: true };
  if (wordCount(t.before) <= PLACE_MAX_WORDS && PLACE.test(t.before))
    return { kind: "date", date: t.date, before: t.before, headline: false };
  return null;
}
function toUnits(text) {
  const units = [];
  let block = [];
  const flush = () => {
    if (block.length) units.push({ kind: "text", lines: block });
    block = [];
  };
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || isNavigationLine(line)) {
      flush();
      continue;
    }
    const prev = block.length ? block[block.length - 1] : null;
    if (prev === null || !endsMidSentence(prev)) {
      const atStart = prev === null || SENTENCE_END2.test(prev);
      const d = dateline2(line, atStart);
      if (d) {
        flush();
        units.push(d);
        continue;
      }
    }
    block.push(line);
  }
  flush();
  return units;
}
var PLACE_MAX_WORDS, PLACE, HEADLINE_MIN_WORDS, SENTENCE_END2, DATELINE_MAX_CHARS, wordCount, unitText;
var init_text_units = __esm({
  "src/main/core/import/text-units.ts"() {
    init_dates();
    init_text_lines();
    PLACE_MAX_WORDS = 2;
    PLACE = new RegExp("^\\p{Lu}[\\p{L}'\u2019-]*(?:\\s\\p{Lu}[\\p{L}'\u2019-]*)?$", "u");
    HEADLINE_MIN_WORDS = 3;
    SENTENCE_END2 = /[.!?…»"”')]$/u;
    DATELINE_MAX_CHARS = HEADLINE_MAX_CHARS + 60;
    wordCount = (s) => s.split(/\s+/).filter(Boolean).length;
    unitText = (u) => u.lines.join(" ");
  }
});

// src/main/core/import/article.ts
function explodeHeaderBlocks(units) {
  return units.flatMap((u, i) => {
    if (i >= HEAD_SCAN_UNITS || u.kind !== "text" || u.lines.length < 2 || u.lines.length > HEADER_BLOCK_MAX_LINES) return [u];
    const known = (l) => isHeadlineLike(l) || !!parseAuthorLine(l) || isCaptionLine(l);
    if (!u.lines.some((l) => parseAuthorLine(l)) || !u.lines.every(known)) return [u];
    return u.lines.map((l) => ({ kind: "text", lines: [l] }));
  });
}
function htmlCharsBound(units) {
  let chars = 0;
  let lines = 0;
  for (const u of units) {
    lines++;
    if (u.kind === "date") chars += u.date.raw.length + (u.before?.length ?? 0);
    else
      for (const l of u.lines) {
        chars += l.length;
        lines++;
      }
  }
  return HTML_CHARS_PER_CHAR * chars + HTML_CHARS_PER_LINE * lines;
}
function repeatsTitle(line, title) {
  if (line.length < title.length) return false;
  const space = title.indexOf(" ");
  return line.trimStart().startsWith(space < 0 ? title : title.slice(0, space)) && norm(line) === title;
}
function scanHead(units) {
  const head = { title: null, author: null, published: null, skip: /* @__PURE__ */ new Set() };
  const hasTextAfter = (i) => units.slice(i + 1).some((u) => u.kind === "text");
  for (let i = 0; i < Math.min(units.length, HEAD_SCAN_UNITS); i++) {
    const u = units[i];
    if (u.kind === "date") {
      head.published ??= u.date.iso;
      if (u.headline && u.before && head.title === null) head.title = norm(u.before);
      continue;
    }
    const line = single(u);
    const byline = line === null ? null : parseAuthorLine(line);
    if (byline) {
      head.author ??= byline.author;
      head.published ??= byline.date?.iso ?? null;
      continue;
    }
    if (line !== null && head.title !== null && repeatsTitle(line, head.title)) {
      head.skip.add(i);
      continue;
    }
    if (line !== null && head.title === null && isHeadlineLike(line) && hasTextAfter(i)) {
      head.title = norm(line);
      head.skip.add(i);
      continue;
    }
    if (line !== null && isCaptionLine(line)) continue;
    if (head.title === null) head.title = "";
  }
  if (head.published === null) head.published = units.find((u) => u.kind === "date")?.date.iso ?? null;
  return head;
}
function renderText(u, prev, next) {
  const bullets = u.lines.map(stripBullet);
  const dashOnly = u.lines.every((l) => stripDash(l) !== null);
  if (bullets.every((b) => b !== null) && (u.lines.length > 1 || !dashOnly))
    return list(bullets.map((b) => b.text), bullets.every((b) => b.ordered));
  const text = unitText(u);
  if (u.lines.length === 1 && isCaptionLine(text)) return caption(text);
  const q = questionText(text);
  if (q !== null) return question(q);
  const dashed = stripDash(text);
  if (dashed !== null) return turn(dashed);
  const prose = (x) => x?.kind === "text" && unitText(x).length > SUBHEADING_MAX_CHARS;
  if (u.lines.length === 1 && text.length <= SUBHEADING_MAX_CHARS && !/[!?…]$/.test(text) && isHeadlineLike(text) && prose(prev) && prose(next))
    return heading(text);
  return paragraph(u.lines);
}
function relatedItems(u, first) {
  if (u?.kind !== "text") return null;
  const items = u.lines.map((l) => {
    const b = stripBullet(l);
    if (!first && (!b || stripDash(l) !== null)) return null;
    const t = b?.text ?? l;
    return t.length <= RELATED_ITEM_MAX_CHARS && questionText(l) === null ? t : null;
  });
  return items.every((i) => i !== null) ? items : null;
}
function buildArticle(input, fallbackTitle, preface = []) {
  const units = explodeHeaderBlocks(input);
  const head = scanHead(units);
  const body = preface.map(
    (u, i) => u.kind === "date" ? dateline(u.date, u.before) : renderText(u, preface[i - 1], preface[i + 1])
  );
  const relatedBlocks = [];
  let firstProse = null;
  for (let i = 0; i < units.length; i++) {
    if (head.skip.has(i)) continue;
    const u = units[i];
    if (u.kind === "date") {
      const before = u.headline && u.before !== null && norm(u.before) === head.title ? null : u.before;
      body.push(dateline(u.date, before));
      continue;
    }
    const header = u.lines.length >= 1 ? parseRelatedHeader(u.lines[0]) : null;
    if (header) {
      const items = [...header.inline ? [header.inline] : [], ...u.lines.slice(1).map((l) => stripBullet(l)?.text ?? l)];
      let j = i + 1;
      for (let more = relatedItems(units[j], items.length === 0); more; more = relatedItems(units[++j], false)) items.push(...more);
      if (items.length > 0) {
        relatedBlocks.push(related(header.label, items));
        i = j - 1;
        continue;
      }
    }
    const text = unitText(u);
    if (firstProse === null && !isCaptionLine(text) && !parseAuthorLine(text) && !parseDateLine(text))
      firstProse = stripDash(text) ?? text;
    body.push(renderText(u, units[i - 1], units[i + 1]));
  }
  const title = head.title || (firstProse !== null ? titleFromText(firstProse) : "") || fallbackTitle;
  const blocks = [...body, ...relatedBlocks];
  const canonical = canonicalBlocks(blocks);
  const meta = { title, author: head.author, published: head.published };
  if (canonical && htmlCharsBound([...preface, ...units]) <= MAX_HTML_CHARS) {
    let html2;
    return Object.defineProperty({ ...meta, canonical }, "html", {
      get: () => html2 ??= blocksToHtml(blocks),
      enumerable: true
    });
  }
  const html = blocksToHtml(blocks);
  return { ...meta, html, ...canonical && html.length <= MAX_HTML_CHARS ? { canonical } : {} };
}
var HEAD_SCAN_UNITS, HEADER_BLOCK_MAX_LINES, RELATED_ITEM_MAX_CHARS, SUBHEADING_MAX_CHARS, norm, single, HTML_CHARS_PER_CHAR, HTML_CHARS_PER_LINE;
var init_article = __esm({
  "src/main/core/import/article.ts"() {
    init_dates();
    init_text_lines();
    init_text_html();
    init_safe_html();
    init_html_limits();
    init_titles();
    init_text_units();
    HEAD_SCAN_UNITS = 6;
    HEADER_BLOCK_MAX_LINES = 4;
    RELATED_ITEM_MAX_CHARS = 150;
    SUBHEADING_MAX_CHARS = 80;
    norm = (s) => s.replace(/\s+/g, " ").trim();
    single = (u) => u?.kind === "text" && u.lines.length === 1 ? u.lines[0] : null;
    HTML_CHARS_PER_CHAR = 16;
    HTML_CHARS_PER_LINE = 128;
  }
});

// src/main/core/import/digest.ts
function headlineFirst(units, markers) {
  const isPlain = (m) => !(units[m].kind === "date" && units[m].headline);
  let plain = 0;
  let votes = 0;
  markers.forEach((m, k) => {
    if (!isPlain(m)) return;
    plain++;
    const line = singleLine(units[m - 1]);
    const free = k === 0 || m - 1 > markers[k - 1] + 1;
    if (free && line !== null && isHeadlineLike(line)) votes++;
  });
  const firstPlain = markers.find(isPlain);
  return plain > 0 && firstPlain !== 0 && votes >= HEADLINE_FIRST_SHARE * plain;
}
function itemStarts(units, markers) {
  const hf = headlineFirst(units, markers);
  return markers.map((m, k) => {
    const u = units[m];
    const floor = k === 0 ? 0 : markers[k - 1] + 2;
    if (m - 1 < floor || u.kind !== "date") return m;
    const line = singleLine(units[m - 1]);
    if (line === null) return m;
    if (u.headline && u.before !== null) return norm2(line) === norm2(u.before) ? m - 1 : m;
    return hf && isHeadlineLike(line) ? m - 1 : m;
  });
}
function splitDigest(text, opts) {
  const units = toUnits(text);
  const markers = units.flatMap((u, i) => u.kind === "date" ? [i] : []);
  if (markers.length < MIN_DIGEST_ITEMS) return [buildArticle(units, opts.fallbackTitle)];
  const starts = itemStarts(units, markers);
  const items = starts.map((s, k) => ({
    units: units.slice(s, starts[k + 1] ?? units.length),
    headline: s < markers[k] ? units[s] : void 0
  }));
  const merged = [];
  for (const item of items) {
    const last = merged[merged.length - 1];
    if (last && (!hasBody(item) || !hasBody(last))) last.units.push(...item.units);
    else merged.push(item);
  }
  if (merged.length < MIN_DIGEST_ITEMS) return [buildArticle(units, opts.fallbackTitle)];
  const preamble = units.slice(0, starts[0]);
  return merged.map((item, k) => buildArticle(item.units, opts.fallbackTitle, k === 0 ? preamble : []));
}
var MIN_DIGEST_ITEMS, HEADLINE_FIRST_SHARE, norm2, singleLine, hasBody;
var init_digest = __esm({
  "src/main/core/import/digest.ts"() {
    init_article();
    init_text_lines();
    init_text_units();
    MIN_DIGEST_ITEMS = 2;
    HEADLINE_FIRST_SHARE = 0.75;
    norm2 = (s) => s.replace(/\s+/g, " ").trim();
    singleLine = (u) => u?.kind === "text" && u.lines.length === 1 ? u.lines[0] : null;
    hasBody = (item) => item.units.some((u) => u.kind === "text" && u !== item.headline);
  }
});

// src/main/core/import/text.ts
var parseText;
var init_text = __esm({
  "src/main/core/import/text.ts"() {
    init_types();
    init_encoding();
    init_digest();
    init_titles();
    parseText = (input) => {
      const { text, encoding } = decodeText(input.bytes, input.declaredCharset);
      const docs = splitDigest(text, { fallbackTitle: titleFromSource(input.source) });
      if (docs.every((d) => (d.canonical?.html ?? d.html).trim() === ""))
        throw new ImportError("no article text \u2014 the file holds only site navigation; save the article text itself");
      return { docs, format: "text", encoding };
    };
  }
});

// src/main/core/import/markdown.ts
var markdown_exports = {};
__export(markdown_exports, {
  parseMarkdown: () => parseMarkdown
});
import { Marked } from "marked";
import { parseDocument } from "yaml";
function parseFrontMatter(yamlText, firstLine) {
  const doc = parseDocument(yamlText);
  const err = doc.errors[0];
  if (err) {
    const at = err.linePos?.[0]?.line ?? 1;
    const reason = err.message.split("\n")[0].replace(/\s+at line \d+, column \d+:?$/, "").replace(/\.$/, "");
    const shown = (yamlText.split("\n")[at - 1] ?? "").trim().slice(0, QUOTED_LINE_MAX);
    throw new ImportError(
      `malformed YAML front matter at line ${firstLine - 1 + at} ("${shown}"): ${reason} \u2014 fix that line or remove the front matter`
    );
  }
  const data = doc.toJS();
  if (data === null || data === void 0) return {};
  if (typeof data !== "object" || Array.isArray(data))
    throw new ImportError(`front matter at line ${firstLine} is not a list of "key: value" lines \u2014 write it as "title: \u2026" lines or remove it`);
  return data;
}
function authorOf(v) {
  const one = (x) => str(x) ?? (x && typeof x === "object" && !Array.isArray(x) ? str(x.name) : null);
  const names = (Array.isArray(v) ? v : [v]).map(one).filter((n) => n !== null);
  return names.length ? names.join(", ") : null;
}
function dateOf(v) {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  const s = str(v);
  if (s === null) return null;
  if (ISO_DATE.test(s) && !Number.isNaN(Date.parse(s))) return s;
  return parseDateLine(s)?.iso ?? null;
}
function tagsOf(v) {
  const raw = Array.isArray(v) ? v.map(str) : str(v)?.split(",") ?? [];
  return [...new Set(raw.map((t) => t?.trim() ?? "").filter(Boolean))];
}
function plainText(tokens) {
  return (tokens ?? []).map((t) => {
    if (t.type === "html") return "";
    if ("tokens" in t && Array.isArray(t.tokens) && t.tokens.length) return plainText(t.tokens);
    return "text" in t && typeof t.text === "string" ? decodeEntities(t.text) : "";
  }).join("").replace(/\s+/g, " ").trim();
}
function leadingH1(tokens) {
  const i = tokens.findIndex((t) => t.type !== "space");
  return i >= 0 && tokens[i].type === "heading" && tokens[i].depth === 1 ? i : -1;
}
function firstH1Title(tokens) {
  const h = tokens.find((t) => t.type === "heading" && t.depth === 1);
  return h ? plainText(h.tokens) || null : null;
}
var FRONT_MATTER, ISO_DATE, QUOTED_LINE_MAX, marked, str, ENTITIES, decodeEntities, parseMarkdown;
var init_markdown = __esm({
  "src/main/core/import/markdown.ts"() {
    init_types();
    init_encoding();
    init_dates();
    init_titles();
    FRONT_MATTER = /^---[ \t]*\n(?:([\s\S]*?)\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/;
    ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
    QUOTED_LINE_MAX = 40;
    marked = new Marked({ gfm: true, async: false });
    str = (v) => typeof v === "string" ? v.trim() || null : typeof v === "number" ? String(v) : null;
    ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: "\xA0" };
    decodeEntities = (s) => s.replace(
      /&(#x[0-9a-f]+|#\d+|\w+);/gi,
      (m, e) => e[0] === "#" && e !== "#39" ? String.fromCodePoint(parseInt(e.slice(e[1].toLowerCase() === "x" ? 2 : 1), e[1].toLowerCase() === "x" ? 16 : 10)) : ENTITIES[e.toLowerCase()] ?? m
    );
    parseMarkdown = (input) => {
      const { text, encoding } = decodeText(input.bytes, input.declaredCharset);
      const fm = FRONT_MATTER.exec(text);
      const meta = fm ? parseFrontMatter(fm[1] ?? "", 2) : {};
      const tokens = marked.lexer(fm ? text.slice(fm[0].length) : text);
      const h1 = leadingH1(tokens);
      const metaTitle = str(meta.title);
      const title = metaTitle ?? firstH1Title(tokens) ?? titleFromSource(input.source);
      if (h1 >= 0 && plainText(tokens[h1].tokens) === title) tokens.splice(h1, 1);
      const doc = {
        title,
        author: authorOf(meta.author ?? meta.authors),
        published: dateOf(meta.date ?? meta.published ?? meta.pubDate),
        html: marked.parser(tokens).trim(),
        url: str(meta.source) ?? str(meta.url) ?? str(meta.link) ?? str(meta.canonical),
        language: str(meta.lang) ?? str(meta.language)
      };
      const tags = tagsOf(meta.tags ?? meta.keywords);
      if (tags.length) doc.tags = tags;
      return { docs: [doc], format: "markdown", encoding };
    };
  }
});

// src/main/core/import/html-charset.ts
import { analyse } from "chardet";
import iconv3 from "iconv-lite";
function encodingFor(label, inDocument = true) {
  if (!label) return null;
  try {
    const name = new TextDecoder(label.trim()).encoding;
    if (inDocument && (name === "utf-16le" || name === "utf-16be")) return "utf-8";
    if (name === "x-user-defined") return "windows-1252";
    return name;
  } catch {
    return null;
  }
}
function bomEncoding(bytes) {
  if (bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191) return "utf-8";
  if (bytes[0] === 254 && bytes[1] === 255) return "utf-16be";
  if (bytes[0] === 255 && bytes[1] === 254) return "utf-16le";
  return null;
}
function metaCharset(bytes) {
  const head = Buffer.from(bytes.subarray(0, META_PRESCAN_BYTES)).toString("latin1").replace(/<!--[\s\S]*?(?:-->|$)/g, "");
  const metas = head.match(/<meta[\s/][^>]*>?/gi) ?? [];
  for (const meta of metas) {
    const attrs = /* @__PURE__ */ new Map();
    for (const m of meta.matchAll(/([^\s/>"'=]+)\s*(?:=\s*(?:"([^"]*)"?|'([^']*)'?|([^\s>]*)))?/g)) {
      const name = m[1].toLowerCase();
      if (!attrs.has(name)) attrs.set(name, m[2] ?? m[3] ?? m[4] ?? "");
    }
    const direct = encodingFor(attrs.get("charset"));
    if (direct) return direct;
    if ((attrs.get("http-equiv") ?? "").toLowerCase() === "content-type") {
      const fromContent = /charset\s*=\s*["']?([^"';\s]+)/i.exec(attrs.get("content") ?? "");
      const enc = encodingFor(fromContent?.[1]);
      if (enc) return enc;
    }
  }
  return null;
}
function isValidUtf8(bytes) {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
function decodeHtml(bytes, declaredCharset) {
  const encoding = bomEncoding(bytes) ?? encodingFor(declaredCharset, false) ?? metaCharset(bytes) ?? guessEncoding(bytes);
  const text = encoding === "windows-1252" ? iconv3.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "windows-1252") : (
    // TextDecoder drops a BOM that matches the encoding, as the spec wants.
    new TextDecoder(encoding).decode(bytes)
  );
  return { text, encoding };
}
function guessEncoding(bytes) {
  if (isValidUtf8(bytes)) return "utf-8";
  const best = analyse(bytes)[0];
  const name = best && best.confidence >= CHARDET_MIN_CONFIDENCE ? encodingFor(best.name) : null;
  if (name && MULTI_BYTE.has(name)) return name;
  return cyrillicEncoding(bytes) ?? "windows-1252";
}
function cyrillicEncoding(bytes) {
  let best = null;
  for (const name of ["windows-1251", "koi8-r"]) {
    const text = new TextDecoder(name).decode(bytes);
    const words = text.match(/[\p{L}]+/gu) ?? [];
    const nonAscii = words.filter((w) => /[^\x00-\x7f]/.test(w));
    const pure = nonAscii.filter((w) => new RegExp("^\\p{Script=Cyrillic}+$", "u").test(w));
    if (nonAscii.length === 0 || pure.length / nonAscii.length < CYRILLIC_WORD_SHARE) continue;
    const lower = (text.match(/[а-яё]/g) ?? []).length / Math.max(1, (text.match(/[а-яёА-ЯЁ]/g) ?? []).length);
    if (!best || lower > best.lower) best = { name, lower };
  }
  return best?.name ?? null;
}
var META_PRESCAN_BYTES, MULTI_BYTE, CHARDET_MIN_CONFIDENCE, CYRILLIC_WORD_SHARE;
var init_html_charset = __esm({
  "src/main/core/import/html-charset.ts"() {
    META_PRESCAN_BYTES = 1024;
    MULTI_BYTE = /* @__PURE__ */ new Set(["shift_jis", "euc-jp", "iso-2022-jp", "euc-kr", "gb18030", "gbk", "big5"]);
    CHARDET_MIN_CONFIDENCE = 50;
    CYRILLIC_WORD_SHARE = 0.5;
  }
});

// src/main/core/import/html-meta.ts
function normalizeDate(raw) {
  const s = clean2(raw);
  if (!s) return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return validDate(m[1], m[2], m[3]);
  m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(s);
  if (m) {
    const day = validDate(m[1], m[2], m[3]);
    if (!day) return null;
    const zone = m[5] === void 0 ? "" : m[5].toUpperCase() === "Z" ? "Z" : normaliseOffset(m[5]);
    const iso = `${day}T${m[4]}${zone}`;
    return Number.isNaN(Date.parse(iso)) ? null : iso;
  }
  m = /^(\d{4})(?:-(\d{2}))?$/.exec(s);
  if (m) return validDate(m[1], m[2] ?? "01", "01");
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  if (d.getUTCFullYear() < YEAR_MIN2 || d.getUTCFullYear() > YEAR_MAX2) return null;
  return /\d:\d/.test(s) ? d.toISOString() : d.toISOString().slice(0, 10);
}
function normaliseOffset(offset) {
  const digits = offset.slice(1).replace(":", "");
  return `${offset[0]}${digits.slice(0, 2)}:${(digits.slice(2) || "00").padEnd(2, "0")}`;
}
function validDate(y, mo, d) {
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (year < YEAR_MIN2 || year > YEAR_MAX2 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${y}-${mo}-${d}`;
}
function findJsonLdArticle(blocks) {
  for (const block of blocks) {
    let data;
    try {
      data = JSON.parse(block);
    } catch {
      try {
        data = JSON.parse(block.replace(/[\u0000-\u001f]+/g, " "));
      } catch {
        continue;
      }
    }
    const pending = [data];
    for (let seen = 0; pending.length > 0 && seen < 1e4; seen++) {
      const node = pending.pop();
      if (Array.isArray(node)) pending.push(...node);
      else if (isObj(node)) {
        const types = [].concat(node["@type"] ?? []);
        if (types.some((t) => typeof t === "string" && ARTICLE_TYPE.test(t))) return node;
        if (node["@graph"] !== void 0) pending.push(node["@graph"]);
      }
    }
  }
  return null;
}
function personNames(v) {
  const names = [].concat(v ?? []).map((p) => typeof p === "string" ? clean2(p) : isObj(p) ? clean2(p.name) : null).filter((n) => n !== null && !/^https?:\/\//i.test(n));
  return names.length > 0 ? [...new Set(names)].join(", ") : null;
}
function extractMeta(doc, jsonLd) {
  const meta = (selector) => clean2(doc.querySelector(selector)?.getAttribute("content"));
  const ld = findJsonLdArticle(jsonLd) ?? {};
  const publisher = isObj(ld.publisher) ? ld.publisher : {};
  const published = normalizeDate(clean2(ld.datePublished)) ?? normalizeDate(meta('meta[property="article:published_time"]')) ?? normalizeDate(meta('meta[name="citation_publication_date"]')) ?? normalizeDate(meta('meta[name="date"]')) ?? normalizeDate(meta('meta[name="dc.date"], meta[name="DC.date"]')) ?? normalizeDate(meta('meta[itemprop="datePublished"]')) ?? normalizeDate(doc.querySelector("time[datetime]")?.getAttribute("datetime"));
  const locale = meta('meta[property="og:locale"]');
  return {
    title: clean2(ld.headline) ?? meta('meta[property="og:title"]') ?? meta('meta[name="twitter:title"]') ?? clean2(doc.querySelector("title")?.textContent),
    author: personNames(ld.author) ?? meta('meta[name="author"]') ?? meta('meta[name="citation_author"]') ?? personNames(meta('meta[property="article:author"]')),
    published,
    description: meta('meta[name="description"]') ?? meta('meta[property="og:description"]'),
    url: httpUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute("href")) ?? httpUrl(meta('meta[property="og:url"]')) ?? httpUrl(ld.url) ?? (isObj(ld.mainEntityOfPage) ? httpUrl(ld.mainEntityOfPage["@id"]) : httpUrl(ld.mainEntityOfPage)),
    site: meta('meta[property="og:site_name"]') ?? clean2(publisher.name),
    language: clean2(doc.documentElement?.getAttribute("lang")) ?? meta('meta[http-equiv="content-language"]') ?? (locale ? locale.replace("_", "-") : null)
  };
}
var ARTICLE_TYPE, YEAR_MIN2, YEAR_MAX2, clean2, isObj, httpUrl;
var init_html_meta = __esm({
  "src/main/core/import/html-meta.ts"() {
    ARTICLE_TYPE = /(?:^|[/:])(?:\w*Article|BlogPosting|Report)$/;
    YEAR_MIN2 = 1e3;
    YEAR_MAX2 = 2999;
    clean2 = (s) => {
      if (typeof s !== "string") return null;
      const t = s.replace(/\s+/g, " ").trim();
      return t === "" ? null : t;
    };
    isObj = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
    httpUrl = (v) => {
      const s = clean2(v);
      return s && /^https?:\/\//i.test(s) ? s : null;
    };
  }
});

// src/main/core/import/html-prepass.ts
function tagEnd(html, from) {
  let lastNonSpace = "";
  for (let i = from; i < html.length; i++) {
    const ch = html[i];
    if (ch === ">") return i;
    if ((ch === '"' || ch === "'") && lastNonSpace === "=") {
      const close = html.indexOf(ch, i + 1);
      if (close < 0) return -1;
      i = close;
      lastNonSpace = ch;
      continue;
    }
    if (ch !== " " && ch !== "	" && ch !== "\n" && ch !== "\r" && ch !== "\f") lastNonSpace = ch;
  }
  return -1;
}
function closeTag(html, name, from) {
  const re = new RegExp(`</${name}[\\s/>]`, "gi");
  re.lastIndex = from;
  const m = re.exec(html);
  if (!m) return null;
  const end = tagEnd(html, m.index + 2);
  return [m.index, end < 0 ? html.length : end + 1];
}
function nestedEnd(html, name, from) {
  const re = new RegExp(`<(\\/?)${name}[\\s/>]`, "gi");
  re.lastIndex = from;
  let open = 1;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    open += m[1] ? -1 : 1;
    if (open === 0) {
      const end = tagEnd(html, m.index + 2);
      return end < 0 ? html.length : end + 1;
    }
  }
  return -1;
}
function prepass(html, opts = {}) {
  const out = [];
  const jsonLd = [];
  const stack = [];
  let foreign = 0;
  let bodyAt = -1;
  let htmlAttrs = "";
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    if (lt < 0) break;
    emit(out, html.slice(i, lt));
    i = lt;
    if (html.startsWith("<!--", lt)) {
      if (html.startsWith("<!-->", lt)) {
        i = lt + 5;
        continue;
      }
      if (html.startsWith("<!--->", lt)) {
        i = lt + 6;
        continue;
      }
      const end2 = html.indexOf("-->", lt + 4);
      i = end2 < 0 ? html.length : end2 + 3;
      continue;
    }
    if (html[lt + 1] === "!" || html[lt + 1] === "?") {
      const end2 = html.indexOf(">", lt + 2);
      i = end2 < 0 ? html.length : end2 + 1;
      continue;
    }
    const closing = html[lt + 1] === "/";
    const nameStart = lt + (closing ? 2 : 1);
    if (!isLetter2(html.charCodeAt(nameStart))) {
      out.push("<");
      i = lt + 1;
      continue;
    }
    let nameEnd = nameStart + 1;
    while (nameEnd < html.length && NAME_CHAR.test(html[nameEnd])) nameEnd++;
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    const end = tagEnd(html, nameEnd);
    if (end < 0) {
      i = html.length;
      break;
    }
    const tag = html.slice(lt, end + 1);
    i = end + 1;
    if (SKELETON.has(name)) {
      if (bodyAt < 0 && (name === "head" && closing || name === "body" && !closing)) bodyAt = out.length;
      if (name === "html" && !closing && htmlAttrs === "") htmlAttrs = languageAttrs(tag);
      continue;
    }
    if (closing) {
      emit(out, closeDepth(stack, name) ? separator(out, name) : tag);
      if ((name === "svg" || name === "math") && foreign > 0) foreign--;
      continue;
    }
    if (DROP_NESTED.has(name) && !(name === "nav" && opts.keepNavigation)) {
      const close = nestedEnd(html, name, i);
      if (close >= 0) {
        i = close;
        emit(out, separator(out, name));
        continue;
      }
    }
    if (DROP_RAW.has(name)) {
      const close = closeTag(html, name, i);
      i = close ? close[1] : html.length;
      continue;
    }
    if (STRIP.has(name)) {
      if (name === "template") {
        const close2 = nestedEnd(html, name, i);
        i = close2 < 0 ? html.length : close2;
        continue;
      }
      const close = closeTag(html, name, i);
      if (name === "script" && /type\s*=\s*["']?application\/ld\+json/i.test(tag)) {
        jsonLd.push(html.slice(i, close ? close[0] : html.length));
      }
      i = close ? close[1] : html.length;
      continue;
    }
    if (RAW.has(name)) {
      const close = closeTag(html, name, i);
      emit(out, tag + html.slice(i, close ? close[1] : html.length));
      i = close ? close[1] : html.length;
      continue;
    }
    const selfClosing = foreign > 0 && tag.endsWith("/>");
    if (name === "svg" || name === "math") foreign += selfClosing ? 0 : 1;
    if (NO_DEPTH.has(name) || selfClosing) {
      emit(out, tag);
      continue;
    }
    const dropped = stack.length >= MAX_HTML_DEPTH;
    stack.push({ name, dropped });
    emit(out, dropped ? separator(out, name) : tag);
  }
  if (i < html.length) emit(out, html.slice(i));
  const head = bodyAt < 0 ? "" : out.slice(0, bodyAt).join("");
  const body = out.slice(Math.max(bodyAt, 0)).join("");
  return { html: `<!DOCTYPE html><html${htmlAttrs}><head>${head}</head><body>${body}</body></html>`, jsonLd };
}
function languageAttrs(tag) {
  let attrs = "";
  for (const name of ["lang", "dir"]) {
    const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
    const value = m ? (m[1] ?? m[2] ?? m[3]).replace(/[^\w-]/g, "") : "";
    if (value) attrs += ` ${name}="${value}"`;
  }
  return attrs;
}
function separator(out, name) {
  if (!BLOCKISH.has(name) || out.length === 0) return "";
  return /\s$/.test(out[out.length - 1]) ? "" : "\n";
}
function emit(out, piece) {
  if (piece !== "") out.push(piece);
}
function closeDepth(stack, name) {
  for (let k = stack.length - 1; k >= 0 && k >= stack.length - MAX_HTML_DEPTH * 2; k--) {
    if (stack[k].name === name) {
      const dropped = stack[k].dropped;
      stack.length = k;
      return dropped;
    }
  }
  return false;
}
var MAX_HTML_DEPTH, SKELETON, STRIP, DROP_NESTED, DROP_RAW, RAW, NO_DEPTH, BLOCKISH, NAME_CHAR, isLetter2;
var init_html_prepass = __esm({
  "src/main/core/import/html-prepass.ts"() {
    MAX_HTML_DEPTH = 128;
    SKELETON = /* @__PURE__ */ new Set(["html", "head", "body"]);
    STRIP = /* @__PURE__ */ new Set(["script", "style", "noscript", "template"]);
    DROP_NESTED = /* @__PURE__ */ new Set(["nav", "svg", "math", "video", "audio", "canvas"]);
    DROP_RAW = /* @__PURE__ */ new Set(["textarea", "xmp", "iframe", "noembed", "noframes"]);
    RAW = /* @__PURE__ */ new Set(["title"]);
    NO_DEPTH = /* @__PURE__ */ new Set([
      "area",
      "base",
      "basefont",
      "bgsound",
      "br",
      "col",
      "embed",
      "frame",
      "hr",
      "img",
      "input",
      "keygen",
      "link",
      "meta",
      "param",
      "source",
      "track",
      "wbr",
      "p",
      "li",
      "dt",
      "dd",
      "tr",
      "td",
      "th",
      "thead",
      "tbody",
      "tfoot",
      "option",
      "optgroup",
      "rb",
      "rt",
      "rp",
      "rtc",
      "colgroup",
      "caption",
      "html",
      "head",
      "body",
      "!doctype"
    ]);
    BLOCKISH = /* @__PURE__ */ new Set(["div", "section", "article", "blockquote", "ul", "ol", "table", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "figure", "aside", "header", "footer", "nav", "main"]);
    NAME_CHAR = /[^\s/>]/;
    isLetter2 = (c) => c >= 65 && c <= 90 || c >= 97 && c <= 122;
  }
});

// src/main/core/import/sanitize.ts
import sanitize from "sanitize-html";
function browserUrl(value) {
  return value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "").replace(/[\t\n\r]/g, "");
}
function safeHref(raw) {
  if (raw === void 0) return null;
  const href = browserUrl(raw);
  return href.startsWith("#") || SAFE_LINK.test(href) ? href : null;
}
function numericSpans(tagName, attribs) {
  const out = {};
  for (const name of ["colspan", "rowspan"]) {
    const value = attribs[name];
    if (value !== void 0 && /^\s*\d{1,4}\s*$/.test(value)) out[name] = value.trim();
  }
  return { tagName, attribs: out };
}
function sanitizeHtml(html) {
  if (html.length > MAX_HTML_CHARS) {
    throw new ImportError(
      `document too large (${Math.round(html.length / 1048576)} MB of HTML, limit ${MAX_HTML_CHARS / 1048576} MB) \u2014 split it into smaller files`
    );
  }
  return sanitize(html, options);
}
var BLOCK_TAGS, INLINE_TAGS, DROP_WITH_CONTENT, SAFE_DATA_IMAGE, SAFE_LINK, options;
var init_sanitize = __esm({
  "src/main/core/import/sanitize.ts"() {
    init_html_limits();
    init_types();
    BLOCK_TAGS = [
      "p",
      "h1",
      "h2",
      "h3",
      "h4",
      "h5",
      "h6",
      "blockquote",
      "ul",
      "ol",
      "li",
      "pre",
      "figure",
      "figcaption",
      "table",
      "caption",
      "thead",
      "tbody",
      "tfoot",
      "tr",
      "th",
      "td",
      "hr",
      "div",
      "section",
      "article",
      "header",
      "footer",
      "aside",
      "dl",
      "dt",
      "dd"
    ];
    INLINE_TAGS = [
      "code",
      "em",
      "strong",
      "b",
      "i",
      "u",
      "s",
      "sub",
      "sup",
      "small",
      "a",
      "img",
      "br",
      "span",
      "abbr",
      "q",
      "cite",
      "mark",
      "time"
    ];
    DROP_WITH_CONTENT = [
      "script",
      "style",
      "noscript",
      "template",
      "textarea",
      "title",
      "option",
      "select",
      "svg",
      "math",
      "iframe",
      "object",
      "embed",
      "noembed",
      "noframes",
      "xmp",
      "head",
      "button"
    ];
    SAFE_DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp)(?:;[a-z0-9=._-]+)*;base64,[a-z0-9+/=\s]*$/i;
    SAFE_LINK = /^(?:https?:|mailto:)/i;
    options = {
      allowedTags: [...BLOCK_TAGS, ...INLINE_TAGS],
      allowedAttributes: {
        a: ["href", "title"],
        img: ["src", "alt", "title"],
        th: ["colspan", "rowspan"],
        td: ["colspan", "rowspan"],
        time: ["datetime"],
        abbr: ["title"]
      },
      allowedSchemes: ["http", "https", "mailto"],
      allowedSchemesByTag: { img: ["data"] },
      allowedSchemesAppliedToAttributes: ["href", "src"],
      allowProtocolRelative: false,
      disallowedTagsMode: "discard",
      nonTextTags: DROP_WITH_CONTENT,
      nestingLimit: MAX_NESTING_DEPTH,
      // Comments and processing instructions never reach the output.
      allowedClasses: {},
      allowedStyles: {},
      parseStyleAttributes: false,
      transformTags: {
        a: (tagName, attribs) => {
          const out = {};
          const href = safeHref(attribs.href);
          if (href !== null) out.href = href;
          if (attribs.title !== void 0) out.title = attribs.title;
          return { tagName, attribs: out };
        },
        img: (tagName, attribs) => {
          const out = {};
          const src = attribs.src === void 0 ? "" : browserUrl(attribs.src);
          if (SAFE_DATA_IMAGE.test(src)) out.src = src;
          if (attribs.alt !== void 0) out.alt = attribs.alt;
          if (attribs.title !== void 0) out.title = attribs.title;
          return { tagName, attribs: out };
        },
        td: numericSpans,
        th: numericSpans
      },
      // An image whose source was removed would show as a broken-image icon.
      exclusiveFilter: (frame) => frame.tag === "img" && !frame.attribs.src
    };
  }
});

// src/main/core/import/html.ts
var html_exports = {};
__export(html_exports, {
  MAX_READABILITY_ELEMENTS: () => MAX_READABILITY_ELEMENTS,
  parseHtml: () => parseHtml,
  parseHtmlString: () => parseHtmlString
});
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
function parseHtml(input) {
  checkSize(input.bytes.length);
  const { text, encoding } = decodeHtml(input.bytes, input.declaredCharset);
  return { docs: [extractArticle(text, input.source)], format: "html", encoding };
}
function parseHtmlString(html, source) {
  checkSize(html.length);
  return { docs: [extractArticle(html, source)], format: "html", encoding: null };
}
function checkSize(size) {
  if (size > MAX_HTML_CHARS) {
    throw new ImportError(
      `page too large (${Math.round(size / 1048576)} MB, limit ${MAX_HTML_CHARS / 1048576} MB) \u2014 save the page without its resources or split it`
    );
  }
}
function extractArticle(raw, source) {
  const { html, jsonLd } = prepass(raw);
  const { document } = parseHTML(html);
  const meta = extractMeta(document, jsonLd);
  const firstHeading = clean3(document.querySelector("h1")?.textContent);
  const base = meta.url ?? (/^https?:\/\//i.test(source) ? source : null);
  let article = null;
  try {
    article = new Readability(document, {
      maxElemsToParse: MAX_READABILITY_ELEMENTS,
      serializer: (node) => node,
      // We read JSON-LD ourselves; the pre-pass removed the <script> blocks anyway.
      disableJSONLD: true
    }).parse();
  } catch {
  }
  const body = document.body;
  const content = article?.content && hasContent(article.content) ? article.content : body;
  if (content && base) absolutiseLinks(content, base);
  let out = content && hasContent(content) ? content.innerHTML : "";
  if (!out && meta.description) out = `<p>${escapeText2(meta.description)}</p>`;
  if (!out) {
    throw new ImportError(
      "no readable text in the page \u2014 open it in a browser, let it load fully, then save it again or paste its text"
    );
  }
  return {
    title: meta.title ?? clean3(article?.title) ?? firstHeading ?? titleFromSource2(source),
    author: meta.author ?? clean3(article?.byline),
    published: meta.published,
    html: out,
    url: meta.url ?? (/^https?:\/\//i.test(source) ? source : null),
    site: meta.site ?? clean3(article?.siteName),
    language: meta.language ?? clean3(article?.lang)
  };
}
function hasContent(el2) {
  return /\S/.test(el2.textContent ?? "") || el2.querySelector("img") !== null;
}
function absolutiseLinks(root, base) {
  for (const [selector, attr] of [["a[href]", "href"], ["img[src]", "src"]]) {
    for (const el2 of root.querySelectorAll(selector)) {
      const value = el2.getAttribute(attr) ?? "";
      if (value.startsWith("#") || /^[a-z][a-z0-9+.-]*:/i.test(value.trim())) continue;
      try {
        el2.setAttribute(attr, new URL(value, base).href);
      } catch {
      }
    }
  }
}
function clean3(s) {
  const t = (s ?? "").replace(/\s+/g, " ").trim();
  return t === "" ? null : t;
}
function escapeText2(s) {
  return s.replace(/[&<>]/g, (c) => c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;");
}
function titleFromSource2(source) {
  const name = source.split(/[\\/]/).filter(Boolean).pop() ?? "";
  return clean3(decodeURIComponentSafe(name).replace(/\.(x?html?|htm)$/i, "")) ?? "Untitled";
}
function decodeURIComponentSafe(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
var MAX_READABILITY_ELEMENTS;
var init_html = __esm({
  "src/main/core/import/html.ts"() {
    init_html_charset();
    init_html_meta();
    init_html_prepass();
    init_sanitize();
    init_types();
    MAX_READABILITY_ELEMENTS = 5e4;
  }
});

// src/main/core/import/epub-archive.ts
import { unzipSync } from "fflate";
function unpackEpub(bytes) {
  if (bytes.length < 4 || bytes[0] !== 80 || bytes[1] !== 75) {
    throw new ImportError("not a valid EPUB (not a zip archive) \u2014 check that the file is a complete .epub download");
  }
  let total = 0;
  let count = 0;
  const check = (file) => {
    if (++count > MAX_ENTRIES) {
      throw new ImportError(`archive has over ${MAX_ENTRIES} entries \u2014 not a book; refusing to unpack it`);
    }
    if (isUnsafePath(file.name)) {
      throw new ImportError(`unsafe path in archive (${JSON.stringify(file.name.slice(0, 80))}) \u2014 the file may be malicious; get the book from another source`);
    }
    total += file.originalSize;
    if (total > MAX_UNPACKED_BYTES) {
      throw new ImportError(`EPUB unpacks to over ${MAX_UNPACKED_BYTES / 1048576} MB \u2014 too large to import; split the book or remove media from it`);
    }
    if (file.originalSize > RATIO_CHECK_MIN_BYTES && file.originalSize / Math.max(Math.min(file.size, bytes.length), 1) > MAX_COMPRESSION_RATIO) {
      throw new ImportError(`archive entry compresses over ${MAX_COMPRESSION_RATIO}:1 (zip bomb?) \u2014 refusing to unpack it; get the book from another source`);
    }
    return !SKIPPED.test(file.name) && !file.name.endsWith("/");
  };
  let files;
  try {
    files = unzipSync(bytes, { filter: check });
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError(`not a valid EPUB (damaged zip archive: ${e.message}) \u2014 download the book again`);
  }
  return new Map(Object.entries(files));
}
function isUnsafePath(name) {
  if (/^[/\\]/.test(name) || /^[a-z]:/i.test(name) || name.includes("\0")) return true;
  return name.split(/[/\\]/).some((segment) => segment === "..");
}
function resolveEntry(from, href) {
  const bare = href.replace(/[#?].*$/, "");
  if (bare === "" || /^[a-z][a-z0-9+.-]*:/i.test(bare) || bare.startsWith("/")) return null;
  let decoded;
  try {
    decoded = decodeURIComponent(bare);
  } catch {
    decoded = bare;
  }
  const parts = from.split("/").slice(0, -1);
  for (const segment of decoded.split("/")) {
    if (segment === "..") {
      if (parts.length === 0) return null;
      parts.pop();
    } else if (segment !== "." && segment !== "") {
      parts.push(segment);
    }
  }
  return parts.join("/");
}
var MAX_UNPACKED_BYTES, MAX_COMPRESSION_RATIO, RATIO_CHECK_MIN_BYTES, MAX_ENTRIES, SKIPPED;
var init_epub_archive = __esm({
  "src/main/core/import/epub-archive.ts"() {
    init_types();
    MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
    MAX_COMPRESSION_RATIO = 100;
    RATIO_CHECK_MIN_BYTES = 1024 * 1024;
    MAX_ENTRIES = 1e4;
    SKIPPED = /\.(?:css|ttf|otf|woff2?|eot|mp3|mp4|m4a|ogg|webm|js|pls|smil)$/i;
  }
});

// src/main/core/import/epub.ts
var epub_exports = {};
__export(epub_exports, {
  MAX_INLINE_IMAGES_TOTAL: () => MAX_INLINE_IMAGES_TOTAL,
  MAX_INLINE_IMAGE_BYTES: () => MAX_INLINE_IMAGE_BYTES,
  parseEpub: () => parseEpub
});
import { DOMParser, parseHTML as parseHTML2 } from "linkedom";
function parseEpub(input) {
  const files = unpackEpub(input.bytes);
  const text = (name) => {
    const bytes = files.get(name);
    return bytes ? decodeXml(bytes) : null;
  };
  const container = text("META-INF/container.xml");
  if (container === null) throw notEpub("no META-INF/container.xml");
  const opfPath = xml(container).find("rootfile")?.getAttribute("full-path") ?? "";
  const opfText = text(opfPath);
  if (opfText === null) throw notEpub(`package file ${opfPath || "(unnamed)"} missing`);
  if (isDrmProtected(text("META-INF/encryption.xml"))) {
    throw new ImportError("EPUB is DRM-protected \u2014 import a DRM-free copy of the book");
  }
  const opf = xml(opfText);
  const meta = (name) => clean4(opf.find(name)?.textContent);
  const manifest = /* @__PURE__ */ new Map();
  for (const item of opf.all("item")) {
    const id = item.getAttribute("id");
    const href = resolveEntry(opfPath, item.getAttribute("href") ?? "");
    if (id && href) manifest.set(id, { href, type: item.getAttribute("media-type") ?? "", props: item.getAttribute("properties") ?? "" });
  }
  const tocTitles = readToc(manifest, opf.find("spine")?.getAttribute("toc") ?? null, text);
  const images = { budget: MAX_INLINE_IMAGES_TOTAL };
  const chapters = [];
  for (const ref of opf.all("itemref")) {
    const item = manifest.get(ref.getAttribute("idref") ?? "");
    if (!item || !/html/.test(item.type)) continue;
    const bytes = files.get(item.href);
    if (!bytes) continue;
    const chapter = readChapter(item.href, bytes, files, images, tocTitles.get(item.href), chapters.length + 1);
    if (chapter) chapters.push(chapter);
  }
  if (chapters.length === 0) {
    throw new ImportError("EPUB has no readable chapters \u2014 it may be image-only; convert it with OCR first");
  }
  const creators = opf.all("creator").map((c) => clean4(c.textContent)).filter((c) => c !== null);
  const list2 = chapters.length > 1 ? `<ol>${chapters.map((c) => `<li>${escapeText3(c.title)}</li>`).join("")}</ol>
` : "";
  return {
    format: "epub",
    encoding: null,
    docs: [
      {
        title: meta("title") ?? chapters[0].title,
        author: creators.length > 0 ? [...new Set(creators)].join(", ") : null,
        published: normalizeDate(meta("date")),
        language: meta("language"),
        html: list2 + chapters.map((c) => `<section>${c.html}</section>`).join("\n")
      }
    ]
  };
}
function notEpub(reason) {
  return new ImportError(`not a valid EPUB (${reason}) \u2014 download the book again or convert it with an e-book tool`);
}
function isDrmProtected(encryption) {
  return encryption !== null && /URI\s*=\s*["'][^"']*\.x?html?["']/i.test(encryption);
}
function decodeXml(bytes) {
  const head = Buffer.from(bytes.subarray(0, 200)).toString("latin1");
  const declared = /^(?:\uFEFF|\xEF\xBB\xBF)?\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/.exec(head)?.[1];
  return decodeHtml(bytes, declared ?? "utf-8").text;
}
function xml(source) {
  const doc = new DOMParser().parseFromString(source, "text/xml");
  const elements = [...doc.querySelectorAll("*")];
  const all = (local) => elements.filter((e) => e.tagName.toLowerCase().replace(/^.*:/, "") === local.toLowerCase());
  return { all, find: (local) => all(local)[0] };
}
function readToc(manifest, ncxId, text) {
  const titles = /* @__PURE__ */ new Map();
  const add = (from, href, label) => {
    const entry = href ? resolveEntry(from, href) : null;
    const title = clean4(label);
    if (entry && title && !titles.has(entry)) titles.set(entry, title);
  };
  const nav = [...manifest.values()].find((m) => m.props.split(/\s+/).includes("nav"));
  const navText = nav ? text(nav.href) : null;
  if (nav && navText) {
    const doc = parseHTML2(prepass(navText, { keepNavigation: true }).html).document;
    const navs = [...doc.querySelectorAll("nav")];
    const toc = navs.find((n) => /\btoc\b/.test(n.getAttribute("epub:type") ?? "")) ?? navs[0];
    for (const a of toc ? toc.querySelectorAll("a[href]") : []) add(nav.href, a.getAttribute("href"), a.textContent);
  }
  const ncx = (ncxId ? manifest.get(ncxId) : void 0) ?? [...manifest.values()].find((m) => m.type === "application/x-dtbncx+xml");
  const ncxText = ncx ? text(ncx.href) : null;
  if (ncx && ncxText) {
    for (const point of xml(ncxText).all("navPoint")) {
      const src = [...point.querySelectorAll("*")].find((e) => /(^|:)content$/i.test(e.tagName));
      const label = [...point.querySelectorAll("*")].find((e) => /(^|:)text$/i.test(e.tagName));
      add(ncx.href, src?.getAttribute("src") ?? null, label?.textContent);
    }
  }
  return titles;
}
function readChapter(path, bytes, files, images, tocTitle, n) {
  const source = decodeXml(bytes).replace(
    new RegExp(`<(?!(?:${VOID})\\b)([a-zA-Z][\\w:-]*)(\\s[^<>]*?)?\\s*/>`, "g"),
    "<$1$2></$1>"
  );
  const { document } = parseHTML2(prepass(source).html);
  const doc = document;
  const body = doc.body;
  if (!body) return null;
  inlineImages(doc, body, path, files, images);
  if (!/\S/.test(body.textContent ?? "") && !body.querySelector("img")) return null;
  const firstHeading = body.querySelector("h1, h2, h3");
  const headingText = clean4(firstHeading?.textContent);
  const title = tocTitle ?? headingText ?? clean4(doc.querySelector("title")?.textContent) ?? `Chapter ${n}`;
  const heading2 = headingText === title ? "" : `<h2>${escapeText3(title)}</h2>`;
  return { title, html: heading2 + body.innerHTML };
}
function inlineImages(doc, body, from, files, images) {
  const dataUrl = (href) => {
    const entry = href ? resolveEntry(from, href) : null;
    const bytes = entry ? files.get(entry) : void 0;
    const type = IMAGE_TYPES[(entry ?? "").replace(/^.*\./, "").toLowerCase()];
    if (!bytes || !type || bytes.length > MAX_INLINE_IMAGE_BYTES || bytes.length > images.budget) return null;
    images.budget -= bytes.length;
    return `data:${type};base64,${Buffer.from(bytes).toString("base64")}`;
  };
  for (const img of body.querySelectorAll("img")) {
    const url = dataUrl(img.getAttribute("src"));
    if (url) img.setAttribute("src", url);
    else img.remove();
  }
  for (const svg of body.querySelectorAll("svg")) {
    const image = [...svg.querySelectorAll("image")][0];
    const url = image ? dataUrl(image.getAttribute("xlink:href") ?? image.getAttribute("href")) : null;
    if (!url) continue;
    const img = doc.createElement("img");
    img.setAttribute("src", url);
    svg.replaceWith(img);
  }
}
function clean4(s) {
  const t = (s ?? "").replace(/\s+/g, " ").trim();
  return t === "" ? null : t;
}
function escapeText3(s) {
  return s.replace(/[&<>]/g, (c) => c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;");
}
var MAX_INLINE_IMAGE_BYTES, MAX_INLINE_IMAGES_TOTAL, IMAGE_TYPES, VOID;
var init_epub = __esm({
  "src/main/core/import/epub.ts"() {
    init_epub_archive();
    init_html_charset();
    init_html_meta();
    init_html_prepass();
    init_types();
    MAX_INLINE_IMAGE_BYTES = 5 * 1024 * 1024;
    MAX_INLINE_IMAGES_TOTAL = 50 * 1024 * 1024;
    IMAGE_TYPES = { png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif", webp: "image/webp" };
    VOID = "area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr";
  }
});

// src/main/core/import/pdf-layout.ts
function toLines(runs) {
  const lines = [];
  let cur = null;
  for (const run of runs) {
    const h = run.height || 1;
    const newLine = cur !== null && (cur.eol || Math.abs(run.y - cur.y) > SAME_LINE * Math.max(h, cur.height));
    if (cur && newLine) {
      if (cur.text.trim()) lines.push(cur);
      cur = null;
    }
    if (run.str === "") {
      if (cur && run.hasEOL) cur.eol = true;
      continue;
    }
    if (!cur) cur = { text: "", x: run.x, y: run.y, xEnd: run.x, height: h, eol: false };
    const gap = run.x - cur.xEnd;
    if (cur.text && gap > WORD_GAP * h && !/\s$/.test(cur.text) && !/^\s/.test(run.str)) cur.text += " ";
    cur.text += run.str;
    cur.xEnd = Math.max(cur.xEnd, run.x + run.width);
    cur.height = Math.max(cur.height, h);
    cur.eol = run.hasEOL;
  }
  if (cur && cur.text.trim()) lines.push(cur);
  return lines.map(({ text, x, y, xEnd, height }) => ({ text: text.replace(/\s+/g, " ").trim(), x, y, xEnd, height }));
}
function usualGap(values) {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 4)];
}
function bodySizeOf(lines) {
  const weight = /* @__PURE__ */ new Map();
  for (const l of lines) {
    const size = Math.round(l.height * 2) / 2;
    weight.set(size, (weight.get(size) ?? 0) + l.text.length);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [size, w] of weight) if (w > bestWeight) [best, bestWeight] = [size, w];
  return best;
}
function joinLines(a, b) {
  if (new RegExp("\\p{L}[-\\u00ad]$", "u").test(a) && new RegExp("^\\p{Ll}", "u").test(b)) return a.slice(0, -1) + b;
  if (CJK.test(a.slice(-1)) && CJK.test(b[0] ?? "")) return a + b;
  return `${a} ${b}`;
}
function toParagraphs(lines) {
  const bodySize = bodySizeOf(lines) || 1;
  const gaps = lines.slice(1).map((l, i) => lines[i].y - l.y).filter((g) => g > 0);
  const lineGap = usualGap(gaps) || bodySize * 1.2;
  const left = Math.min(...lines.map((l) => l.x));
  const out = [];
  let text = "";
  let size = 0;
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    const gap = prev ? prev.y - line.y : 0;
    const sizeChange = prev && Math.abs(line.height - prev.height) > 0.2 * bodySize;
    const indented = prev && line.x - prev.x > INDENT * line.height && line.x - left > INDENT * line.height;
    const breakHere = !prev || gap <= 0 || gap > PARAGRAPH_GAP * lineGap || sizeChange || indented;
    if (breakHere && text) {
      out.push({ text, scale: size / bodySize });
      text = "";
      size = 0;
    }
    text = text ? joinLines(text, line.text) : line.text;
    size = Math.max(size, line.height);
  });
  if (text) out.push({ text, scale: size / bodySize });
  return out;
}
function dropRunningLines(pages) {
  if (pages.length < 3) return pages;
  const edge = (lines) => [...lines.slice(0, 2), ...lines.slice(-2)];
  const counts = /* @__PURE__ */ new Map();
  for (const lines of pages) {
    for (const s of new Set(edge(lines).map((l) => shape(l.text)))) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const threshold = Math.max(3, Math.ceil(pages.length / 2));
  return pages.map((lines) => {
    const edges = new Set(edge(lines));
    return lines.filter((l) => !(edges.has(l) && (counts.get(shape(l.text)) ?? 0) >= threshold));
  });
}
var SAME_LINE, WORD_GAP, PARAGRAPH_GAP, INDENT, CJK, shape;
var init_pdf_layout = __esm({
  "src/main/core/import/pdf-layout.ts"() {
    SAME_LINE = 0.5;
    WORD_GAP = 0.15;
    PARAGRAPH_GAP = 1.35;
    INDENT = 1;
    CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
    shape = (s) => s.replace(/\d+/g, "#").replace(/\s+/g, " ").trim().toLowerCase();
  }
});

// src/main/core/import/pdf.ts
var pdf_exports = {};
__export(pdf_exports, {
  parsePdf: () => parsePdf,
  pdfDate: () => pdfDate
});
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
function ensureWorker() {
  workerReady ??= import(
    /* @vite-ignore */
    WORKER_MODULE
  ).then((worker) => {
    ;
    globalThis.pdfjsWorker = worker;
  });
  return workerReady;
}
function assetUrls() {
  try {
    const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
    return { cMapUrl: join(root, "cmaps") + "/", standardFontDataUrl: join(root, "standard_fonts") + "/" };
  } catch {
    return {};
  }
}
async function parsePdf(input) {
  const head = Buffer.from(input.bytes.subarray(0, HEADER_WINDOW)).toString("latin1");
  if (!head.includes("%PDF-")) throw invalid();
  await ensureWorker();
  const task = getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given.
    data: new Uint8Array(input.bytes),
    ...assetUrls(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    verbosity: 0
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy();
    if (e?.name === "PasswordException") {
      throw new ImportError("PDF is password-protected \u2014 open it, save a copy without the password, and import that");
    }
    throw invalid();
  }
  try {
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n).catch(() => Promise.reject(invalid()));
      const content = await page.getTextContent().catch(() => Promise.reject(invalid()));
      const runs = [];
      for (const item of content.items) {
        if (!("str" in item)) continue;
        const [, , c, d, x, y] = item.transform;
        runs.push({ str: item.str, x, y, width: item.width, height: item.height || Math.hypot(c, d), hasEOL: item.hasEOL });
      }
      pages.push(toLines(runs));
      page.cleanup();
    }
    if (!pages.some((lines) => lines.some((l) => /\S/.test(l.text)))) {
      throw new ImportError("no text layer (scanned?) \u2014 run OCR first");
    }
    const info = (await doc.getMetadata().catch(() => null))?.info ?? {};
    return {
      format: "pdf",
      encoding: null,
      docs: [
        {
          title: infoTitle(info.Title) ?? titleFromPage(pages[0]) ?? "Untitled PDF",
          author: clean5(info.Author),
          published: pdfDate(info.CreationDate),
          language: clean5(info.Language),
          html: renderPages(dropRunningLines(pages))
        }
      ]
    };
  } finally {
    await doc.destroy();
  }
}
function renderPages(pages) {
  const out = [];
  pages.forEach((lines, i) => {
    if (i > 0) out.push("<hr>");
    out.push(`<p><small>Page ${i + 1}</small></p>`);
    if (lines.length === 0) return;
    for (const p of toParagraphs(lines)) {
      const heading2 = p.scale >= HEADING_SCALE && p.text.length <= HEADING_MAX_CHARS;
      out.push(heading2 ? `<h2>${escapeText4(p.text)}</h2>` : `<p>${escapeText4(p.text)}</p>`);
    }
  });
  return out.join("\n");
}
function clean5(v) {
  if (typeof v !== "string") return null;
  const t = v.replace(/[\u0000-\u001f]/g, " ").replace(/\s+/g, " ").trim();
  return t === "" ? null : t;
}
function infoTitle(v) {
  const t = clean5(v)?.replace(/^Microsoft (?:Word|PowerPoint) - /i, "") ?? null;
  if (!t || /^untitled\b/i.test(t) || /\.(?:docx?|pdf|tex|dvi|indd|pptx?|odt|rtf)$/i.test(t)) return null;
  return t;
}
function titleFromPage(lines) {
  const top = (lines ?? []).slice(0, TITLE_SEARCH_LINES).filter((l) => new RegExp("\\p{L}", "u").test(l.text));
  if (top.length === 0) return null;
  const biggest = top.reduce((a, b) => b.height > a.height ? b : a);
  return biggest.text.slice(0, 300);
}
function pdfDate(v) {
  const m = typeof v === "string" ? /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(v.trim()) : null;
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2] ?? "1"), Number(m[3] ?? "1")];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || year > 2999 || d.getUTCMonth() !== month - 1) return null;
  return `${m[1]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
function escapeText4(s) {
  return s.replace(/[&<>]/g, (c) => c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;");
}
var HEADER_WINDOW, HEADING_SCALE, HEADING_MAX_CHARS, TITLE_SEARCH_LINES, WORKER_MODULE, workerReady, invalid;
var init_pdf = __esm({
  "src/main/core/import/pdf.ts"() {
    init_pdf_layout();
    init_types();
    HEADER_WINDOW = 1024;
    HEADING_SCALE = 1.25;
    HEADING_MAX_CHARS = 200;
    TITLE_SEARCH_LINES = 15;
    WORKER_MODULE = "pdfjs-dist/legacy/build/pdf.worker.mjs";
    workerReady = null;
    invalid = () => new ImportError("not a valid PDF (damaged or not a PDF at all) \u2014 download it again or re-save it from a PDF viewer");
  }
});

// src/main/core/import/parsers.ts
async function loadPdfParser() {
  const nativeStringify = JSON.stringify;
  const { parsePdf: parsePdf2 } = await Promise.resolve().then(() => (init_pdf(), pdf_exports)).finally(() => JSON.stringify = nativeStringify);
  return (input) => parsePdf2(input).finally(() => JSON.stringify = nativeStringify);
}
async function parseBytes(bytes, name, source, hints = {}) {
  const format = hints.format ?? parserFor(name, bytes);
  const parse = await PARSERS[format]();
  return parse({ bytes, source: source ?? name, declaredCharset: hints.charset ?? null });
}
var PARSERS;
var init_parsers = __esm({
  "src/main/core/import/parsers.ts"() {
    init_detect();
    init_text();
    PARSERS = {
      text: async () => parseText,
      markdown: async () => (await Promise.resolve().then(() => (init_markdown(), markdown_exports))).parseMarkdown,
      html: async () => (await Promise.resolve().then(() => (init_html(), html_exports))).parseHtml,
      epub: async () => (await Promise.resolve().then(() => (init_epub(), epub_exports))).parseEpub,
      pdf: loadPdfParser
    };
  }
});

// src/main/core/import/word-count.ts
import { endianness } from "node:os";
function classify(c) {
  return classes[c] = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? WORD : OTHER;
}
function isWordAstral(cp) {
  let yes = astral.get(cp);
  if (yes === void 0) astral.set(cp, yes = LETTER_OR_DIGIT.test(String.fromCodePoint(cp)));
  return yes;
}
function scratchOf(bytes) {
  if (scratch.length < bytes) scratch = Buffer.allocUnsafeSlow(Math.max(bytes, 2 * scratch.length));
  return scratch;
}
function countUnits(units, n) {
  const table = classes;
  const joiner = JOINER;
  const word = WORD;
  let words = 0;
  let p1 = OTHER;
  let p2 = OTHER;
  for (let i = 0; i < n; i++) {
    let k = table[units[i]];
    if (k > joiner) {
      if (k === UNKNOWN) k = classify(units[i]);
      else if (i + 1 < n && units[i + 1] >= 56320 && units[i + 1] <= 57343) {
        k = isWordAstral((units[i] - 55296 << 10) + (units[i + 1] - 56320) + 65536) ? WORD : OTHER;
        i++;
      } else k = OTHER;
    }
    words += k & ~p1 & ~(p1 >> 1 & p2) & word;
    p2 = p1;
    p1 = k;
  }
  return words;
}
function countWordsFast(text) {
  const n = text.length;
  if (!NOT_LATIN1.test(text)) {
    const buf2 = scratchOf(n);
    buf2.write(text, 0, n, "latin1");
    return countUnits(buf2, n);
  }
  if (!LITTLE_ENDIAN) return countUnits(Uint16Array.from({ length: n }, (_, i) => text.charCodeAt(i)), n);
  const buf = scratchOf(2 * n);
  buf.write(text, 0, 2 * n, "utf16le");
  return countUnits(new Uint16Array(buf.buffer, buf.byteOffset, n), n);
}
var OTHER, WORD, JOINER, HIGH_SURROGATE, UNKNOWN, classes, LETTER_OR_DIGIT, astral, NOT_LATIN1, LITTLE_ENDIAN, scratch;
var init_word_count = __esm({
  "src/main/core/import/word-count.ts"() {
    OTHER = 0;
    WORD = 1;
    JOINER = 2;
    HIGH_SURROGATE = 3;
    UNKNOWN = 4;
    classes = new Uint8Array(65536).fill(UNKNOWN);
    LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
    astral = /* @__PURE__ */ new Map();
    for (let c = 0; c < 128; c++)
      classes[c] = c >= 97 && c <= 122 || c >= 65 && c <= 90 || c >= 48 && c <= 57 ? WORD : OTHER;
    for (const c of [39, 8217, 45]) classes[c] = JOINER;
    classes.fill(HIGH_SURROGATE, 55296, 56320);
    classes.fill(OTHER, 56320, 57344);
    NOT_LATIN1 = /[^\x00-\xff]/;
    LITTLE_ENDIAN = endianness() === "LE";
    scratch = Buffer.allocUnsafeSlow(1 << 16);
  }
});

// src/main/core/import/text-runs.ts
function shortenRuns(html, min = MIN_RUN_CHARS) {
  const runs = [];
  if (PLACEHOLDER_CHARS.test(html)) return { html, runs };
  const out = [];
  let copied = 0;
  let at = html.indexOf(">");
  while (at >= 0 && at < html.length) {
    const start = at + 1;
    let end = html.indexOf("<", start);
    if (end < 0) end = html.length;
    let a = start;
    let b = end;
    while (a < b && isSpace(html.charCodeAt(a))) a++;
    while (b > a && isSpace(html.charCodeAt(b - 1))) b--;
    if (b - a >= min) {
      const core = html.slice(a, b);
      if (!SPECIAL2.test(core)) {
        out.push(html.slice(copied, a), OPEN + runs.length.toString(36) + CLOSE);
        runs.push(core);
        copied = b;
      }
    }
    at = html.indexOf(">", end);
  }
  if (runs.length === 0) return { html, runs };
  out.push(html.slice(copied));
  return { html: out.join(""), runs };
}
function restoreRuns(value, runs) {
  if (runs.length === 0 || value.indexOf(OPEN) < 0) return value;
  return value.replace(PLACEHOLDER, (_, k) => runs[parseInt(k, 36)]);
}
var MIN_RUN_CHARS, OPEN, CLOSE, PLACEHOLDER_CHARS, PLACEHOLDER, SPECIAL2, isSpace;
var init_text_runs = __esm({
  "src/main/core/import/text-runs.ts"() {
    MIN_RUN_CHARS = 24;
    OPEN = "\uE000";
    CLOSE = "\uE001";
    PLACEHOLDER_CHARS = /[\uE000\uE001]/;
    PLACEHOLDER = /\uE000([0-9a-z]+)\uE001/g;
    SPECIAL2 = /[<>&"'=`\0\r]/;
    isSpace = (c) => c === 32 || c === 10 || c === 9 || c === 12;
  }
});

// src/main/core/import/canonical.ts
import { defaultTreeAdapter, html as htmlSpec, parseFragment } from "parse5";
function makeText(value, parent) {
  return { nodeName: "#text", value, parentNode: parent };
}
function canonicalize(html, minRun = MIN_RUN_CHARS) {
  if (html.length > MAX_HTML_CHARS) {
    throw new ImportError(
      `document too large (${Math.round(html.length / 1048576)} MB of HTML, limit ${MAX_HTML_CHARS / 1048576} MB) \u2014 split it into smaller files`
    );
  }
  const once = canonicalOnce(wellFormed(html), minRun);
  if (!FOSTER_PARENTING.test(html)) return once;
  let result = once;
  for (let pass = 0; pass < MAX_FOSTER_PASSES; pass++) {
    const again = canonicalOnce(result.html, minRun);
    if (again.html === result.html) break;
    result = again;
  }
  return result;
}
function canonicalOnce(html, minRun) {
  const context = defaultTreeAdapter.createElement("div", htmlSpec.NS.HTML, []);
  const { html: short, runs } = shortenRuns(html, minRun);
  const fragment = parseFragment(context, short, {});
  if (runs.length > 0) restoreTree(fragment, runs);
  normalise(fragment);
  return serialise(fragment);
}
function restoreTree(root, runs) {
  const stack = [...root.childNodes];
  while (stack.length > 0) {
    const n = stack.pop();
    if (isText2(n)) n.value = restoreRuns(n.value, runs);
    else if (isElement(n)) {
      for (const a of n.attrs) a.value = restoreRuns(a.value, runs);
      for (const k of n.childNodes) stack.push(k);
    }
  }
}
function normalise(root) {
  const stack = [
    { node: root, depth: 0, inPre: false }
  ];
  while (stack.length > 0) {
    const { node, depth, inPre } = stack.pop();
    const el2 = isElement(node) ? node : null;
    if (el2 && depth >= MAX_NESTING_DEPTH && !TABLE_STRUCTURE.has(el2.tagName)) {
      node.childNodes = flattenChildren(node);
    }
    if (!inPre) node.childNodes = separateBlocks(node);
    for (const child of node.childNodes) {
      if (isElement(child)) {
        stack.push({ node: child, depth: depth + 1, inPre: inPre || child.tagName === "pre" });
      }
    }
  }
}
function flattenChildren(parent) {
  const out = [];
  const pending = [...parent.childNodes].reverse();
  const breakLine = () => {
    const last = out[out.length - 1];
    if (last && !(isText2(last) && /\s$/.test(last.value))) out.push(makeText("\n", parent));
  };
  while (pending.length > 0) {
    const item = pending.pop();
    if (item === "block-end") {
      breakLine();
      continue;
    }
    if (isText2(item)) {
      item.parentNode = parent;
      out.push(item);
    } else if (isElement(item)) {
      if (FLATTEN_KEEP.has(item.tagName)) {
        item.parentNode = parent;
        item.childNodes = [];
        out.push(item);
        continue;
      }
      const block = BLOCK.has(item.tagName);
      if (block) {
        breakLine();
        pending.push("block-end");
      }
      const kids = childrenOf(item);
      if (kids) for (let i = kids.length - 1; i >= 0; i--) pending.push(kids[i]);
    }
  }
  return out;
}
function startsWithSpace2(n) {
  return isText2(n) && /^\s/.test(n.value);
}
function endsWithSpace2(n) {
  return isText2(n) && /\s$/.test(n.value);
}
function separateBlocks(parent) {
  const kids = parent.childNodes;
  if (kids.length < 2) return kids;
  const out = [kids[0]];
  for (let i = 1; i < kids.length; i++) {
    const prev = kids[i - 1];
    const cur = kids[i];
    const boundary = breaksAfter2(prev) || breaksBefore(cur);
    if (boundary && !endsWithSpace2(prev) && !startsWithSpace2(cur)) out.push(makeText("\n", parent));
    out.push(cur);
  }
  return out;
}
function attrName(a) {
  return a.prefix ? `${a.prefix}:${a.name}` : a.name;
}
function serialise(root) {
  const out = [];
  const text = [];
  const work = [...root.childNodes].reverse();
  while (work.length > 0) {
    const item = work.pop();
    if (typeof item === "string") {
      out.push(item);
      continue;
    }
    if (isText2(item)) {
      const parent = item.parentNode;
      const raw = parent !== null && isElement(parent) && RAW_TEXT.has(parent.tagName);
      out.push(raw ? item.value : escapeText(item.value));
      text.push(item.value);
      continue;
    }
    if (!isElement(item)) continue;
    const tag = item.tagName;
    let open = "<" + tag;
    for (const a of item.attrs) open += ` ${attrName(a)}="${escapeAttr(a.value)}"`;
    open += ">";
    out.push(open);
    if (VOID2.has(tag)) continue;
    const first = item.childNodes[0];
    if ((tag === "pre" || tag === "textarea" || tag === "listing") && first && isText2(first) && first.value.startsWith("\n")) {
      out.push("\n");
    }
    work.push(`</${tag}>`);
    if (tag === "template") continue;
    const kids = item.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) work.push(kids[i]);
  }
  return { html: out.join(""), text: text.join("") };
}
var VOID2, RAW_TEXT, TABLE_STRUCTURE, FLATTEN_KEEP, isElement, isText2, childrenOf, FOSTER_PARENTING, MAX_FOSTER_PASSES, breaksBefore, breaksAfter2;
var init_canonical = __esm({
  "src/main/core/import/canonical.ts"() {
    init_types();
    init_html_limits();
    init_canonical_text();
    init_text_runs();
    VOID2 = /* @__PURE__ */ new Set([
      "area",
      "base",
      "basefont",
      "bgsound",
      "br",
      "col",
      "embed",
      "frame",
      "hr",
      "img",
      "input",
      "keygen",
      "link",
      "meta",
      "param",
      "source",
      "track",
      "wbr"
    ]);
    RAW_TEXT = /* @__PURE__ */ new Set([
      "style",
      "script",
      "xmp",
      "iframe",
      "noembed",
      "noframes",
      "plaintext",
      "noscript"
    ]);
    TABLE_STRUCTURE = /* @__PURE__ */ new Set(["table", "thead", "tbody", "tfoot", "tr", "colgroup"]);
    FLATTEN_KEEP = /* @__PURE__ */ new Set(["br", "img"]);
    isElement = (n) => "tagName" in n;
    isText2 = (n) => n.nodeName === "#text";
    childrenOf = (n) => "childNodes" in n ? n.childNodes : null;
    FOSTER_PARENTING = /<table/i;
    MAX_FOSTER_PASSES = 3;
    breaksBefore = (n) => isElement(n) && BLOCK.has(n.tagName);
    breaksAfter2 = (n) => isElement(n) && (BLOCK.has(n.tagName) || n.tagName === "br");
  }
});

// src/main/core/import/prepare.ts
var prepare_exports = {};
__export(prepare_exports, {
  prepareDoc: () => prepareDoc,
  prepareFile: () => prepareFile
});
function prepareDoc(doc, format, encoding, source, fetched = false) {
  return articleFrom(doc, doc.canonical ?? canonicalize(sanitizeHtml(doc.html)), format, encoding, source, fetched);
}
var init_prepare = __esm({
  "src/main/core/import/prepare.ts"() {
    init_canonical();
    init_prepared_article();
    init_sanitize();
    init_prepared_article();
  }
});

// src/main/core/import/prepared-article.ts
import { createHash } from "node:crypto";
function articleFrom(doc, { html, text }, format, encoding, source, fetched = false) {
  if (text.trim().length === 0 && doc.title.trim().length === 0) throw new ImportError("no readable text found");
  return {
    title: (doc.title.trim() || text.trim().slice(0, 80) || "Untitled").slice(0, TITLE_MAX),
    author: doc.author?.trim() || null,
    published: doc.published || null,
    source: (fetched ? source : doc.url) || source,
    site: doc.site ?? null,
    format,
    encoding,
    language: doc.language ?? null,
    html,
    text,
    contentHash: createHash("sha256").update(html).digest("hex"),
    // Counted here, on a worker thread for big batches, so the writer only writes.
    wordCount: countWordsFast(text)
  };
}
async function prepareFile(bytes, name, source, hints = {}) {
  const result = await parseBytes(bytes, name, source, hints);
  const generic = result.docs.every((d) => d.canonical) ? null : (await Promise.resolve().then(() => (init_prepare(), prepare_exports))).prepareDoc;
  const many = result.docs.length > 1;
  return result.docs.map((doc, d) => {
    const itemSource = source && many ? `${source}#${d + 1}` : source;
    const article = generic ? generic(doc, result.format, result.encoding, itemSource, hints.fetched) : articleFrom(doc, doc.canonical, result.format, result.encoding, itemSource, hints.fetched);
    return { article, tags: doc.tags ?? [] };
  });
}
var TITLE_MAX;
var init_prepared_article = __esm({
  "src/main/core/import/prepared-article.ts"() {
    init_parsers();
    init_types();
    init_word_count();
    TITLE_MAX = 500;
  }
});

// bench/corpus.ts
import { readFileSync } from "node:fs";

// src/main/core/reliability/random.ts
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}

// bench/corpus.ts
var EN = `the of and to in a is that for it as was with be by on not he this are or his from at which but have an they
you were her she all their there been one has would more when will who its if so into no time out up only other could two
them than then some what first may these over such new also any after years most where way my those through very our
security treaty organization peacekeeping forces training ministry foreign affairs republic meeting council conference
extremist ideology cooperation military humanitarian assistance convoy checkpoint refugee mandate operation collective
member states delegation secretary general anniversary interview coordination biological ceremony exercise region border
analysis archive historian manuscript annotation research evidence hypothesis library journal chapter citation quotation`.split(/\s+/);
var RU = `\u0438 \u0432 \u043D\u0435 \u043D\u0430 \u0447\u0442\u043E \u0441 \u043A\u0430\u043A \u043F\u043E \u044D\u0442\u043E \u043E\u043D \u0438\u0437 \u0437\u0430 \u043D\u043E \u043E\u0442 \u0442\u043E \u0432\u0441\u0435 \u043E\u043D\u0430 \u0442\u0430\u043A \u0435\u0433\u043E \u0434\u043B\u044F \u0436\u0435 \u0432\u044B \u0431\u044B \u043C\u044B \u0443\u0436\u0435 \u043E\u043D\u0438 \u0434\u0430 \u0435\u0441\u043B\u0438 \u0431\u044B\u043B \u0435\u0449\u0451
\u0431\u0435\u0437\u043E\u043F\u0430\u0441\u043D\u043E\u0441\u0442\u044C \u0434\u043E\u0433\u043E\u0432\u043E\u0440 \u043E\u0440\u0433\u0430\u043D\u0438\u0437\u0430\u0446\u0438\u044F \u043C\u0438\u0440\u043E\u0442\u0432\u043E\u0440\u0447\u0435\u0441\u043A\u0438\u0435 \u0441\u0438\u043B\u044B \u0443\u0447\u0435\u043D\u0438\u044F \u043C\u0438\u043D\u0438\u0441\u0442\u0435\u0440\u0441\u0442\u0432\u043E \u0438\u043D\u043E\u0441\u0442\u0440\u0430\u043D\u043D\u044B\u0445 \u0434\u0435\u043B \u0440\u0435\u0441\u043F\u0443\u0431\u043B\u0438\u043A\u0430 \u0432\u0441\u0442\u0440\u0435\u0447\u0430 \u0441\u043E\u0432\u0435\u0442
\u043A\u043E\u043D\u0444\u0435\u0440\u0435\u043D\u0446\u0438\u044F \u0441\u043E\u0442\u0440\u0443\u0434\u043D\u0438\u0447\u0435\u0441\u0442\u0432\u043E \u0432\u043E\u0435\u043D\u043D\u044B\u0439 \u0433\u0443\u043C\u0430\u043D\u0438\u0442\u0430\u0440\u043D\u044B\u0439 \u043F\u043E\u043C\u043E\u0449\u044C \u043A\u043E\u043D\u0432\u043E\u0439 \u0431\u0435\u0436\u0435\u043D\u0446\u044B \u043C\u0430\u043D\u0434\u0430\u0442 \u043E\u043F\u0435\u0440\u0430\u0446\u0438\u044F \u043A\u043E\u043B\u043B\u0435\u043A\u0442\u0438\u0432\u043D\u043E\u0439 \u0433\u043E\u0441\u0443\u0434\u0430\u0440\u0441\u0442\u0432\u0430 \u0451\u043B\u043A\u0430
\u0434\u0435\u043B\u0435\u0433\u0430\u0446\u0438\u044F \u0433\u0435\u043D\u0435\u0440\u0430\u043B\u044C\u043D\u044B\u0439 \u0441\u0435\u043A\u0440\u0435\u0442\u0430\u0440\u044C \u0433\u043E\u0434\u043E\u0432\u0449\u0438\u043D\u0430 \u0438\u043D\u0442\u0435\u0440\u0432\u044C\u044E \u043A\u043E\u043E\u0440\u0434\u0438\u043D\u0430\u0446\u0438\u044F \u0431\u0438\u043E\u043B\u043E\u0433\u0438\u0447\u0435\u0441\u043A\u043E\u0439 \u0446\u0435\u0440\u0435\u043C\u043E\u043D\u0438\u044F \u0433\u0440\u0430\u043D\u0438\u0446\u0430 \u0430\u0440\u0445\u0438\u0432 \u0438\u0441\u0442\u043E\u0440\u0438\u044F \u0436\u0443\u0440\u043D\u0430\u043B`.split(/\s+/);
function zipfPick(words, r) {
  return words[Math.floor(r() * r() * words.length)];
}
function sentence(r, words) {
  const n = 6 + Math.floor(r() * 18);
  const parts = [];
  for (let i = 0; i < n; i++) parts.push(zipfPick(words, r));
  const s = parts.join(" ");
  return s[0].toUpperCase() + s.slice(1) + ".";
}
function syntheticArticle(i, seed = 1) {
  const r = rng(seed * 1000003 + i);
  const words = r() < 0.2 ? RU : EN;
  const target = 2e3 + Math.floor(r() * 18e3);
  const title = sentence(r, words).slice(0, 90).replace(/\.$/, "");
  const day = 1 + Math.floor(r() * 28);
  const month = 1 + Math.floor(r() * 12);
  const lines = [`${title} ${i}`, "", `${2e3 + Math.floor(r() * 25)}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`, ""];
  let size = lines.join("\n").length;
  while (size < target) {
    const p = [];
    const n = 2 + Math.floor(r() * 6);
    for (let k = 0; k < n; k++) p.push(sentence(r, words));
    const para = p.join(" ");
    lines.push(para, "");
    size += para.length + 2;
  }
  return { name: `synthetic-${i}.txt`, text: lines.join("\n") };
}
var REAL_DIGEST = readFileSync(new URL("../resources/news-digest-csto.txt", import.meta.url), "utf8");

// bench/.prof-worker.ts
init_prepared_article();

// src/main/core/import/packed.ts
var NOT_LATIN12 = /[^\x00-\xff]/;
var packedLength = (s, wide) => wide ? 2 * s.length : s.length;
function packArticle(a, transfer) {
  const htmlWide = NOT_LATIN12.test(a.html);
  const textWide = NOT_LATIN12.test(a.text);
  const htmlBytes = packedLength(a.html, htmlWide);
  const textBytes = packedLength(a.text, textWide);
  const buf = Buffer.allocUnsafeSlow(htmlBytes + textBytes);
  buf.write(a.html, 0, htmlBytes, htmlWide ? "utf16le" : "latin1");
  buf.write(a.text, htmlBytes, textBytes, textWide ? "utf16le" : "latin1");
  transfer.push(buf.buffer);
  return {
    ...a,
    html: { bytes: new Uint8Array(buf.buffer, buf.byteOffset, htmlBytes), wide: htmlWide },
    text: { bytes: new Uint8Array(buf.buffer, buf.byteOffset + htmlBytes, textBytes), wide: textWide }
  };
}

// bench/.prof-worker.ts
var N = Number(process.argv[2] ?? 3e3);
var bufs = [];
for (let i = 0; i < N; i++) bufs.push(Buffer.from(syntheticArticle(i).text));
async function main() {
  for (let rep = 0; rep < 2; rep++) {
    const t0 = performance.now();
    for (let i = 0; i < N; i++) {
      const docs = await prepareFile(bufs[i], `f${i}.txt`, `/x/f${i}.txt`);
      const tr = [];
      for (const d of docs) packArticle(d.article, tr);
    }
    console.log(`rep ${rep}: ${((performance.now() - t0) / N).toFixed(3)} ms/article`);
  }
}
main();
