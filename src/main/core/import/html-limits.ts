/**
 * Size and depth limits of imported HTML, on their own so that code checking them
 * (the plain-text builder) does not load the sanitiser.
 */
/**
 * Largest HTML (in UTF-16 code units, roughly bytes for Latin text) the sanitiser and
 * canonicaliser accept. A real article, even a long book with inline images, is far
 * below this; anything above is almost certainly a mistake or an attack, and the
 * single-threaded core would stall for seconds on it.
 */
export const MAX_HTML_CHARS = 50 * 1024 * 1024

/**
 * Nesting depth kept by the sanitiser; deeper elements are unwrapped (their contents
 * kept). Real pages stay well below 100; hostile ones nest thousands deep to blow the
 * stack of recursive tree walkers downstream (serialisers, the renderer's layout).
 */
export const MAX_NESTING_DEPTH = 100
