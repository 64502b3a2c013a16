/**
 * Chromium for the end-to-end tests of the HTML report: Debian's `chromium`
 * driven by playwright-core, with the flags that keep it off this closed
 * network and a fresh profile per launch. A missing browser fails the test
 * (`.ci/run` installs it); it is never a reason to skip.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type BrowserContext, type Page, chromium } from 'playwright-core';

/** Where Debian's package puts the browser. */
export const CHROMIUM = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** What a page did that it must not: dialogs, console errors, page errors, CSP violations, requests. */
export interface PageIncidents {
  dialogs: string[];
  consoleErrors: string[];
  pageErrors: string[];
  requests: string[];
}

/** A headless Chromium context with a fresh profile; close it when done. */
export async function launchChromium(
  options: { javaScriptEnabled?: boolean } = {},
): Promise<BrowserContext> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(
      `the HTML report tests need Chromium at ${CHROMIUM}, got none: apt-get install -y chromium (.ci/run does)`,
    );
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'rampart-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  // The browser may still be writing its profile as it closes: retry, then leave it to the OS.
  context.on('close', () => {
    try {
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch {
      // A profile left in the temporary directory costs nothing a test could see.
    }
  });
  return context;
}

/**
 * Records what `page` does that a report page must not. CSP violations are
 * collected by the page itself into `window.__cspViolations` (an init
 * script, which the page's policy does not govern).
 */
export async function watchIncidents(page: Page): Promise<PageIncidents> {
  const incidents: PageIncidents = { dialogs: [], consoleErrors: [], pageErrors: [], requests: [] };
  page.on('dialog', (dialog) => {
    incidents.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') incidents.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => incidents.pageErrors.push(error.message));
  page.on('request', (request) => {
    if (!request.url().startsWith('file://')) incidents.requests.push(request.url());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      w.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  return incidents;
}
