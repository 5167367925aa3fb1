// Where the wasm's bytes are, by crate and by Deskaid module, in the shell and
// in each part: scripts/bench runs it on the build's wasm before the split
// (cargo's output, which still has its function names), cuts it as
// scripts/bin/wasm-bindgen does, and asks twiggy for every function's size.
// The figures are raw bytes before wasm-opt, so they rank the crates and
// modules; the gzip sizes shipped are the other figures scripts/bench prints.
// Usage: node scripts/where-bytes.mjs <pre-split.wasm> [rows per part]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [input, rowsArg] = process.argv.slice(2);
if (!input) {
  console.error('usage: node scripts/where-bytes.mjs <pre-split.wasm> [rows per part]');
  process.exit(2);
}
const rows = Number(rowsArg ?? 8);

// The crate (or `deskaid::<module>`) a twiggy item belongs to; `None` for
// twiggy's own summary rows and the names section, which wasm-opt strips.
export function ownerOf(item) {
  if (item.startsWith('custom section') || item.includes('subsection') || item.startsWith('export ')) return null;
  if (item.startsWith('data segment')) return 'data (strings, tables)';
  // `<alloc::vec::Vec<T> as core::clone::Clone>::clone` belongs to alloc;
  // `<T as …>` and `<F as …>` are generic code instantiated for a type.
  const path = item.replace(/^[<&\s]*(mut\s+)?(dyn\s+)?/, '').replace(/::h[0-9a-f]{16}$/, '');
  const segments = path.split('::');
  const crate = segments[0].match(/^[A-Za-z_][A-Za-z0-9_]*/)?.[0];
  if (!crate) return 'other';
  if (/^[A-Z]$/.test(crate)) return 'generic impls';
  if (crate !== 'deskaid') return crate;
  // `deskaid::domain::sla::engine::…` counts under `domain::sla`.
  const modules = segments.slice(1, -1).filter((segment) => /^[a-z_][a-z0-9_]*$/.test(segment));
  return modules.length ? ['deskaid', ...modules.slice(0, 2)].join('::') : 'deskaid::(crate root)';
}

// CSV rows of `twiggy top --format csv`: Name,ShallowSize,ShallowSizePercent.
function sizesByOwner(wasm) {
  const csv = execFileSync('twiggy', ['top', '-n', '10000000', '--format', 'csv', wasm], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const totals = new Map();
  let all = 0;
  for (const line of csv.split('\n').slice(1)) {
    const match = line.match(/^"?(.*?)"?,(\d+),/);
    if (!match) continue;
    const owner = ownerOf(match[1]);
    if (!owner) continue;
    const size = Number(match[2]);
    all += size;
    const crate = owner.startsWith('deskaid::') ? 'deskaid' : owner;
    totals.set(crate, (totals.get(crate) ?? 0) + size);
    if (crate === 'deskaid') totals.set(owner, (totals.get(owner) ?? 0) + size);
  }
  return { totals, all };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const work = mkdtempSync(join(tmpdir(), 'deskaid-bytes-'));
try {
  execFileSync('wasm-split-cli', [input, work], { stdio: 'ignore' });
  const parts = readdirSync(work)
    .filter((name) => name.endsWith('.wasm'))
    .sort((a, b) => (a === 'main.wasm' ? -1 : b === 'main.wasm' ? 1 : a.localeCompare(b)));
  for (const part of parts) {
    const { totals, all } = sizesByOwner(join(work, part));
    const title = part === 'main.wasm' ? 'shell' : part.replace(/_\d+\.wasm$|\.wasm$/, '');
    const ranked = [...totals].filter(([name]) => !name.startsWith('deskaid::')).sort((a, b) => b[1] - a[1]);
    const modules = [...totals].filter(([name]) => name.startsWith('deskaid::')).sort((a, b) => b[1] - a[1]);
    console.log(`${title}: ${kb(all)} of code and data before wasm-opt`);
    console.log(`  crates: ${ranked.slice(0, rows).map(([name, size]) => `${name} ${kb(size)}`).join(', ')}`);
    console.log(`  deskaid: ${modules.slice(0, rows).map(([name, size]) => `${name.slice(9)} ${kb(size)}`).join(', ')}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
