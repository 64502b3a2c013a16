// Reads a V8 .cpuprofile (node --cpu-prof) and names where the time went:
// self time per function, and inclusive time of rampart's own functions,
// located in src/ by name (the measured build has no source maps).
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const DIST_MARK = '/node_modules/rampart/dist/';

/** `src/x.ts:line` for a function of the measured build, found by name; else the dist location. */
function locate(url, functionName, lineNumber) {
  const at = url.indexOf(DIST_MARK);
  const rel = url.slice(at + DIST_MARK.length).replace(/\.js$/, '.ts');
  const distLoc = `dist/${rel.replace(/\.ts$/, '.js')}:${lineNumber + 1}`;
  if (!functionName) return distLoc;
  let lines;
  try {
    lines = fs.readFileSync(path.join(ROOT, 'src', rel), 'utf8').split('\n');
  } catch {
    return distLoc;
  }
  const name = functionName.replace(/[$.*+?^()[\]{}|\\]/g, '\\$&');
  const patterns = [
    new RegExp(`\\bfunction\\s+${name}\\s*[(<]`),
    new RegExp(`\\bclass\\s+${name}\\b`),
    new RegExp(
      `^\\s*(?:(?:public|private|protected|static|override|async|get|set|readonly)\\s+)*${name}\\s*[(<]`,
    ),
    new RegExp(`\\b${name}\\s*(?::[^=]+)?=\\s*(?:async\\s*)?(?:\\(|function)`),
  ];
  for (const pattern of patterns) {
    const index = lines.findIndex((line) => pattern.test(line));
    if (index >= 0) return `src/${rel}:${index + 1}`;
  }
  return distLoc;
}

function frameKey(frame) {
  return `${frame.functionName}|${frame.url}|${frame.lineNumber}|${frame.columnNumber}`;
}

function label(frame) {
  const name = frame.functionName || '(anonymous)';
  if (frame.url.includes(DIST_MARK))
    return `${name} ${locate(frame.url, frame.functionName, frame.lineNumber)}`;
  if (!frame.url) return name;
  const short = frame.url.replace(/^file:\/\//, '').replace(`${ROOT}/`, '');
  return `${name} ${short}:${frame.lineNumber + 1}`;
}

/**
 * Summary of one or more profiles (merged): total ms, ms with a rampart frame on the stack,
 * top functions by self time, rampart functions by inclusive time.
 */
function summarizeProfile(files, { top = 15 } = {}) {
  const self = new Map();
  const inclusive = new Map();
  let total = 0;
  let inRampart = 0;
  for (const file of [files].flat()) {
    const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    profile.samples.forEach((id, i) => {
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      const leaf = nodes.get(id);
      if (leaf.callFrame.functionName === '(idle)') return; // waiting, not working
      total += ms;
      const key = frameKey(leaf.callFrame);
      const entry = self.get(key) ?? { frame: leaf.callFrame, ms: 0 };
      entry.ms += ms;
      self.set(key, entry);
      const seen = new Set();
      for (let n = id; n !== undefined; n = parent.get(n)) {
        const frame = nodes.get(n).callFrame;
        if (!frame.url.includes(DIST_MARK)) continue;
        const k = frameKey(frame);
        if (seen.has(k)) continue;
        seen.add(k);
        const inc = inclusive.get(k) ?? { frame, ms: 0 };
        inc.ms += ms;
        inclusive.set(k, inc);
      }
      if (seen.size > 0) inRampart += ms;
    });
  }
  const rows = (map) =>
    [...map.values()]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top)
      .map((e) => ({
        ms: e.ms,
        percent: (100 * e.ms) / total,
        rampart: e.frame.url.includes(DIST_MARK),
        where: label(e.frame),
      }));
  const rampartSelf = new Map([...self].filter(([, e]) => e.frame.url.includes(DIST_MARK)));
  return {
    totalMs: total,
    rampartInclusiveMs: inRampart,
    selfTop: rows(self),
    rampartSelfTop: rows(rampartSelf),
    rampartInclusiveTop: rows(inclusive),
  };
}

/** Text lines for a summary. */
function renderProfile(title, s) {
  const fmt = (r) =>
    `    ${r.percent.toFixed(1).padStart(5)}%  ${r.ms.toFixed(0).padStart(6)} ms  ${r.where}`;
  return [
    `${title}: ${s.totalMs.toFixed(0)} ms sampled, ${s.rampartInclusiveMs.toFixed(0)} ms (${((100 * s.rampartInclusiveMs) / s.totalMs).toFixed(1)}%) with a rampart frame on the stack`,
    '  top self time (all code; * = rampart):',
    ...s.selfTop.map((r) => `${fmt(r)}${r.rampart ? ' *' : ''}`),
    '  rampart functions, self time:',
    ...s.rampartSelfTop.map(fmt),
    '  rampart functions, inclusive time:',
    ...s.rampartInclusiveTop.map(fmt),
  ];
}

module.exports = { summarizeProfile, renderProfile };
