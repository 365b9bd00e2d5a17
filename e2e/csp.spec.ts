import { expect, test } from './fixtures'

/**
 * Defence in depth: if hostile markup ever got past the import sanitiser, the
 * page's Content-Security-Policy must still stop it from running. These tests
 * inject code straight into the live reader page, bypassing sanitising on purpose.
 */

interface Probe {
  ran: string[]
  violations: string[]
}

/** The little of the DOM the probe uses (this project type-checks e2e without the DOM lib). */
interface ProbeNode {
  textContent: string | null
  src: string
  click(): void
  insertAdjacentHTML(position: string, html: string): void
  appendChild(node: ProbeNode): void
}
interface ProbeWindow {
  __ran: string[]
  document: {
    body: ProbeNode
    addEventListener(type: 'securitypolicyviolation', f: (e: { violatedDirective: string; blockedURI: string }) => void): void
    querySelector(selector: string): ProbeNode
    getElementById(id: string): ProbeNode
    createElement(tag: string): ProbeNode
  }
}

test('the CSP blocks injected inline scripts, event handlers, javascript: links, frames and foreign images', async ({ app }) => {
  await app.getByTestId('article-row').first().click()
  await expect(app.getByTestId('article-body')).toBeVisible()

  const probe = await app.evaluate(async (): Promise<Probe> => {
    const w = globalThis as unknown as ProbeWindow
    const document = w.document
    w.__ran = []
    const violations: string[] = []
    document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`))
    const body = document.querySelector('[data-testid="article-body"]')
    // What an unsanitised article could carry, put in the way the reader puts HTML in.
    body.insertAdjacentHTML(
      'beforeend',
      [
        '<img src="/nope.png" onerror="window.__ran.push(\'img onerror\')">',
        '<svg><image href="/nope.png" onerror="window.__ran.push(\'svg onerror\')"></image></svg>',
        '<a id="csp-js-link" href="javascript:window.__ran.push(\'javascript: link\')">link</a>',
        '<iframe srcdoc="<script>parent.__ran.push(\'iframe srcdoc\')</script>"></iframe>',
        '<form action="javascript:window.__ran.push(\'form\')"><button id="csp-form">go</button></form>',
        '<img src="https://evil.example/track.png">'
      ].join('')
    )
    // Script elements created by code (innerHTML alone never runs <script>).
    const inline = document.createElement('script')
    inline.textContent = "window.__ran.push('inline <script>')"
    document.body.appendChild(inline)
    const dataScript = document.createElement('script')
    dataScript.src = "data:text/javascript,window.__ran.push('data: <script>')"
    document.body.appendChild(dataScript)
    document.getElementById('csp-js-link').click()
    document.getElementById('csp-form').click()
    await new Promise((r) => setTimeout(r, 1_000))
    return { ran: w.__ran, violations }
  })

  expect(probe.ran).toEqual([])
  const directives = probe.violations.map((v) => v.split(' ')[0])
  expect(directives).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr']))
  expect(probe.violations.some((v) => v.startsWith('img-src') && v.includes('evil.example'))).toBe(true)
  // The app itself still works after the attempt.
  await expect(app.getByTestId('article-body')).toBeVisible()
})

// eval and new Function cannot be probed from page.evaluate (DevTools-evaluated code is exempt),
// so the policy itself is checked to allow neither.
test('the CSP arrives as a header on the page, not only as a meta tag, and allows no inline code or eval', async ({ served }) => {
  const res = await fetch(`${served.origin}/`)
  const csp = res.headers.get('content-security-policy') ?? ''
  expect(csp).toContain("script-src 'self'")
  expect(csp).toContain("default-src 'none'")
  expect(csp).toContain("frame-ancestors 'none'")
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/)
})
