// Writes docs/html-report.png, the screenshot of docs/html-report.md: runs the
// demo suite against the vulnerable helpdesk agent (as `npm run demo` does),
// opens the HTML page of that run in Debian's Chromium (/usr/bin/chromium,
// driven by playwright-core), hides the SAFE Results, opens the first finding
// with a conversation, and photographs the page.
// `npm run screenshot` builds first.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const root = path.resolve(__dirname, '..');
const OUTPUT = path.join(root, 'docs', 'html-report.png');
const CHROMIUM = '/usr/bin/chromium';
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

function vulnerableRunPage() {
  const jestBin = path.join(
    path.dirname(require.resolve('jest/package.json', { paths: [root] })),
    'bin',
    'jest.js',
  );
  const dir = path.join(root, '.rampart', 'vulnerable');
  const before = new Set(fs.existsSync(dir) ? fs.readdirSync(dir) : []);
  spawnSync(
    process.execPath,
    [jestBin, '--config', path.join(root, 'examples', 'jest.config.js')],
    {
      cwd: root,
      stdio: 'ignore',
      env: { ...process.env, HELPDESK_MODE: 'vulnerable' },
    },
  );
  const pages = fs.readdirSync(dir).filter((f) => f.endsWith('.html') && !before.has(f));
  if (pages.length !== 1)
    throw new Error(`expected one new HTML page in ${dir}, got ${pages.length}`);
  return path.join(dir, pages[0]);
}

async function main() {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`Chromium must be at ${CHROMIUM}: apt-get install -y chromium`);
  const page = vulnerableRunPage();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'rampart-screenshot-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1200, height: 1500 },
  });
  try {
    const tab = await context.newPage();
    await tab.goto(`file://${page}`);
    await tab.waitForSelector('html[data-ready="true"]');
    await tab.locator('input[name="status"][value="safe"]').uncheck();
    const finding = tab.locator('#result-list details.result[data-status="unsafe"]').filter({
      has: tab.locator('summary .name', { hasText: 'pasted document' }),
    });
    const row =
      (await finding.count()) > 0
        ? finding.first()
        : tab.locator('#result-list details.result').first();
    await row.locator('summary').click();
    await tab.screenshot({ path: OUTPUT, fullPage: true });
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  }
  console.log(
    `Wrote ${path.relative(process.cwd(), OUTPUT)} from ${path.relative(process.cwd(), page)}`,
  );
}

main().catch((error) => {
  console.error(error.stack ?? String(error));
  process.exitCode = 1;
});
