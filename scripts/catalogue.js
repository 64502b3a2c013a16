// Writes docs/attack-catalogue.md from the built library (`npm run catalogue`
// builds first), formatted by prettier like every other page.
// `node scripts/catalogue.js --check` exits 1 when the page is stale.
const fs = require('node:fs');
const path = require('node:path');
const prettier = require('prettier');

const FILE = path.join(__dirname, '..', 'docs', 'attack-catalogue.md');

async function main() {
  const { renderAttackCatalogue } = require('../dist/agent/catalogue/attack-catalogue');
  const options = { ...(await prettier.resolveConfig(FILE)), filepath: FILE };
  const page = await prettier.format(renderAttackCatalogue(), options);
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : '';
    if (current !== page) {
      console.error('docs/attack-catalogue.md is stale: run `npm run catalogue`');
      process.exitCode = 1;
    }
    return;
  }
  fs.writeFileSync(FILE, page);
  console.log(`wrote ${path.relative(process.cwd(), FILE)}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
