/**
 * pdfjs-dist's legacy build (and its worker module, loaded on first parse) installs
 * core-js polyfills over built-ins V8 already has: Array.prototype.push (2.8× slower
 * for every array in the process, the import writer's included), JSON.parse,
 * JSON.stringify (~10× slower), Function.prototype.toString. pdf.js does not need
 * them on Node 20, so every built-in it *replaced* is put back; what it *added*
 * (Promise.withResolvers, Uint8Array.prototype.toHex …, missing from Node 20 and used
 * by pdf.js) stays.
 */

/** Objects whose own methods core-js may replace. */
const OWNERS: object[] = [
  JSON, Math, Reflect, Object, Object.prototype, Array, Array.prototype, String, String.prototype, Number,
  Number.prototype, Promise, Promise.prototype, Map, Map.prototype, Set, Set.prototype, WeakMap.prototype,
  RegExp.prototype, Function.prototype, Symbol, ArrayBuffer, ArrayBuffer.prototype, Uint8Array,
  Object.getPrototypeOf(Uint8Array), Object.getPrototypeOf(Uint8Array.prototype), Error, Date.prototype
]

const ownerName = (o: object): string => {
  const ctor = Object.hasOwn(o, 'constructor') ? (o as { constructor: { name: string; prototype: unknown } }).constructor : null
  if (ctor?.prototype === o) return `${ctor.name}.prototype`
  return (o as { name?: string }).name || String((o as { [Symbol.toStringTag]?: string })[Symbol.toStringTag])
}

/** Snapshots the built-ins' own data properties; the returned function restores any replaced since, and names them. */
export function keepNativeBuiltins(): () => string[] {
  const saved = OWNERS.map((owner) => {
    const props = new Map<PropertyKey, PropertyDescriptor>()
    for (const key of Reflect.ownKeys(owner)) {
      const d = Object.getOwnPropertyDescriptor(owner, key)
      if (d && 'value' in d) props.set(key, d)
    }
    return { owner, props }
  })
  return () => {
    const restored: string[] = []
    for (const { owner, props } of saved)
      for (const [key, d] of props) {
        const now = Object.getOwnPropertyDescriptor(owner, key)
        if (now && 'value' in now && Object.is(now.value, d.value)) continue
        if (!Reflect.defineProperty(owner, key, d)) continue
        restored.push(`${ownerName(owner)}.${String(key)}`)
      }
    return restored
  }
}
