/**
 * A WHERE clause under construction: SQL fragments with `?` placeholders and their
 * parameters, kept side by side so no value is ever spliced into SQL text.
 */
export class Where {
  readonly parts: string[] = []
  readonly params: unknown[] = []

  add(sql: string, ...params: unknown[]): this {
    this.parts.push(sql)
    this.params.push(...params)
    return this
  }

  /** The conditions joined with AND ("1" when there are none). */
  get sql(): string {
    return this.parts.length ? this.parts.map((p) => `(${p})`).join(' AND ') : '1'
  }
}
