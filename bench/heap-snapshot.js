// Reads a V8 .heapsnapshot and totals self size and count per object kind
// (constructor name for objects, node type for strings, arrays and code).
const fs = require('node:fs');

/** Top object kinds by self size: [{ kind, count, mib }], plus the total MiB. */
function summarizeHeapSnapshot(file, { top = 15 } = {}) {
  const snapshot = JSON.parse(fs.readFileSync(file, 'utf8'));
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const kinds = new Map();
  let total = 0;
  const { nodes, strings } = snapshot;
  for (let i = 0; i < nodes.length; i += width) {
    const type = types[nodes[i + typeAt]];
    const size = nodes[i + sizeAt];
    total += size;
    const kind =
      type === 'object' || type === 'closure' ? `${type} ${strings[nodes[i + nameAt]]}` : type;
    const entry = kinds.get(kind) ?? { kind, count: 0, bytes: 0 };
    entry.count += 1;
    entry.bytes += size;
    kinds.set(kind, entry);
  }
  const rows = [...kinds.values()]
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, top)
    .map((e) => ({ kind: e.kind, count: e.count, mib: e.bytes / 2 ** 20 }));
  return { totalMiB: total / 2 ** 20, top: rows };
}

module.exports = { summarizeHeapSnapshot };
