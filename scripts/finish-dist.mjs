// Trunk post-build hook. Every build: adds the per-page wasm parts that
// scripts/bin/wasm-bindgen split off (optimised in release, with content
// hashes in their names), the prerendered home page, and a boot script that
// starts compiling the wasm while the page is parsed. Release builds also get
// one merged stylesheet, the service worker with the precache list of every
// file in the build (Trunk's hashed names), and a Content-Security-Policy meta
// tag that allows the two inline scripts by hash.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this from Trunk');
const release = process.env.TRUNK_PROFILE === 'release';
const contentHash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const integrityOf = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;
const indexPath = join(staging, 'index.html');

// Returns `html` with the parts' linker added, and the wasm files of each
// section of the app (none when the build was not split).
async function addSplitParts(html) {
  const target = process.env.CARGO_TARGET_DIR ?? join(process.env.TRUNK_SOURCE_DIR, 'target');
  const partsDir = join(target, 'wasm-bindgen', release ? 'release' : 'debug', 'wasm-split');
  const mainJs = html.match(/from '\.\/([^']+\.js)'/)?.[1];
  if (!mainJs) throw new Error("finish-dist: no wasm-bindgen module imported by Trunk's loader");
  if (!existsSync(partsDir)) {
    if ((await readFile(join(staging, mainJs), 'utf8')).includes('__wasm_split.js')) {
      throw new Error('finish-dist: the wasm has split points but was not split: run Trunk with scripts/bin first on PATH');
    }
    return { html, partsOfSection: null };
  }

  let linker = await readFile(join(partsDir, '__wasm_split.js'), 'utf8');
  linker = instantiateAnyHost(linker.replace('"./main.js"', `"./${mainJs}"`));
  const parts = (await readdir(partsDir)).filter((name) => name.endsWith('.wasm'));
  for (const name of parts) {
    const source = join(partsDir, name);
    const optimised = join(partsDir, `${name}.opt`);
    if (release) {
      const features = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals'];
      const run = spawnSync('wasm-opt', ['-Oz', ...features, source, '-o', optimised], { encoding: 'utf8' });
      // wasm-opt warns about a name subsection it does not know; show its output only on failure.
      if (run.status !== 0) throw new Error(`finish-dist: wasm-opt failed on ${name}:\n${run.stderr}`);
    }
    const bytes = await readFile(release ? optimised : source);
    const hashed = `${name.replace(/\.wasm$/, '')}-${contentHash(bytes)}.wasm`;
    await writeFile(join(staging, hashed), bytes);
    linker = linker.replaceAll(`"./${name}"`, `"./${hashed}"`);
  }
  const linkerName = `wasm-split-${contentHash(linker)}.js`;
  const partsOfSection = sectionParts(linker);
  await writeFile(join(staging, linkerName), linker);

  // The shell's module imports the linker by its fixed name (which stays the
  // wasm import's module name): point the import at the hashed file, and
  // renew the module's integrity hash in index.html.
  const mainPath = join(staging, mainJs);
  const main = (await readFile(mainPath, 'utf8')).replace(/from (["'])\.\/__wasm_split\.js\1/g, `from "./${linkerName}"`);
  await writeFile(mainPath, main);
  // The linker is fetched alongside the shell rather than after it has been parsed.
  html = html.replace(/<link rel="modulepreload"[^>]*>/g, (tag) =>
    tag.includes(`"./${mainJs}"`)
      ? tag.replace(/integrity="sha384-[^"]+"/, `integrity="${integrityOf(main)}"`) +
        `\n<link rel="modulepreload" href="./${linkerName}" crossorigin="anonymous">`
      : tag,
  );
  console.log(`finish-dist: added ${parts.length} wasm parts split off by wasm-split-cli`);
  return { html, partsOfSection };
}

// The linker instantiates each part with WebAssembly.instantiateStreaming,
// which refuses a .wasm served with another MIME type than application/wasm
// (some static hosts) and is missing from older browsers: fall back to bytes.
function instantiateAnyHost(linker) {
  const streaming = 'WebAssembly.instantiateStreaming(src, imports)';
  if (!linker.includes(streaming)) throw new Error('finish-dist: the wasm-split linker has changed shape');
  const fallback = `
// Added by scripts/finish-dist.mjs: streaming only where the host and browser allow it.
async function instantiatePart(src, imports) {
    const response = await src;
    if (WebAssembly.instantiateStreaming && (response.headers.get('content-type') ?? '').startsWith('application/wasm')) {
        return WebAssembly.instantiateStreaming(response, imports);
    }
    return WebAssembly.instantiate(await response.arrayBuffer(), imports);
}
`;
  const afterImports = linker.indexOf('\n', linker.lastIndexOf('import ')) + 1;
  return linker.slice(0, afterImports) + fallback + linker.slice(afterImports).replaceAll(streaming, 'instantiatePart(src, imports)');
}

// Which split point (src/app.rs) holds the code of each section of the app.
const SPLIT_OF_SECTION = {
  escalation: 'escalation_page',
  quiz: 'quiz_page',
  sla: 'sla_tools',
  queue: 'sla_tools',
  settings: 'sla_tools',
};

// The wasm files each section of the app needs, read from the linker.
function sectionParts(linker) {
  const chunkFiles = Object.fromEntries(
    [...linker.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)].map((m) => [m[1], m[2]]),
  );
  const splitFiles = {};
  for (const m of linker.matchAll(
    /export const __wasm_split_load_([a-z_]+?)_\d+ = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"[\s\S]*?, \[([^\]]*)\]\)\);/g,
  )) {
    const deps = m[3].split(',').map((d) => d.trim()).filter(Boolean);
    splitFiles[m[1]] = [m[2], ...deps.map((d) => chunkFiles[d])];
  }
  const files = {};
  for (const [section, split] of Object.entries(SPLIT_OF_SECTION)) {
    if (!splitFiles[split]) throw new Error(`finish-dist: no wasm part for the split point ${split}`);
    files[section] = splitFiles[split].map((f) => `./${f}`);
  }
  return files;
}

// Shows the home page as HTML while the wasm loads; src/prerendered.rs swaps
// it for the live app.
async function addPrerenderedHome(html) {
  const home = await readFile(join(process.env.TRUNK_SOURCE_DIR, 'assets', 'prerendered-home.html'), 'utf8');
  if (!html.includes('<body>')) throw new Error('finish-dist: index.html has no <body>');
  return html.replace('<body>', `<body>\n    <div id="prerendered" class="prerendered">${home.trim()}</div>`);
}

// Replaces Trunk's wasm preload with a classic inline script that, while the
// page is still being parsed: applies the saved theme (no flash of the other
// one), marks a link to a tool so that CSS shows "Loading…" instead of the
// prerendered home page, makes the prerendered skip link move focus, starts
// compiling the wasm as it downloads, and starts fetching the wasm parts of
// the page in the URL. Trunk's loader then waits for the document and
// instantiates the compiled module; it no longer holds up DOMContentLoaded.
function addBootScript(html, partsOfSection) {
  const preload = html.match(/<link rel="preload" href="(\.\/[^"]+_bg\.wasm)"[^>]*>/);
  const loader = html.match(/<script type="module">\n(import init[^\n]*\n)(const wasm = await init\(\{ module_or_path: '[^']+' \}\);)/);
  if (!preload || !loader) throw new Error("finish-dist: Trunk's wasm preload or loader has changed shape");
  const integrity = preload[0].match(/integrity="([^"]+)"/)?.[1];
  html = html.replace(preload[0], '');
  html = html.replace(
    loader[0],
    `<script type="module" async>\n${loader[1]}` +
      "if (document.readyState === 'loading') await new Promise((parsed) => addEventListener('DOMContentLoaded', parsed, { once: true }));\n" +
      'const wasm = await init({ module_or_path: window.deskaidWasm });',
  );
  const boot = `<script>
(function () {
  var root = document.documentElement;
  try {
    // The Settings record of src/state.rs: {"version": 1, "data": {"theme": ...}}.
    var theme = JSON.parse(localStorage.getItem('deskaid.settings')).data.theme;
    if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);
  } catch (error) {
    // No saved theme, or storage is unavailable: the app reports it once it runs.
  }
  function sectionInUrl() {
    return location.hash.replace(/^#\\/?/, '').split(/[/?]/)[0];
  }
  var section = sectionInUrl();
  if (section) root.setAttribute('data-boot', 'page');
  // A link followed before the app runs: show "Loading…"; the app reads the URL.
  addEventListener('hashchange', function () {
    if (document.getElementById('prerendered')) root.setAttribute('data-boot', sectionInUrl() ? 'page' : 'home');
  });
  document.addEventListener('click', function (event) {
    if (!event.target.closest || !event.target.closest('#prerendered .skip-link')) return;
    event.preventDefault();
    document.getElementById('main-content').focus();
  });
  // Compiled as it streams in, off the main thread. A host that serves .wasm
  // with another MIME type, or a browser without streaming, gets the slower path.
  var wasm = [${JSON.stringify(preload[1])}, ${JSON.stringify(integrity ? { integrity } : {})}];
  function compileWhole() {
    return fetch(wasm[0], wasm[1]).then(function (response) { return response.arrayBuffer(); }).then(WebAssembly.compile);
  }
  if (window.WebAssembly) {
    window.deskaidWasm = WebAssembly.compileStreaming ? WebAssembly.compileStreaming(fetch(wasm[0], wasm[1])).catch(compileWhole) : compileWhole();
  }
  (${JSON.stringify(partsOfSection ?? {})}[section] || []).forEach(function (href) {
    var link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = href;
    document.head.appendChild(link);
  });
})();
</script>
`;
  return html.replace('<script type="module" async>', boot + '<script type="module" async>');
}
// One stylesheet instead of one per area: each request costs more than its
// bytes on a cold load. Concatenating in link order keeps the cascade.
async function mergeStylesheets(html) {
  const links = [...html.matchAll(/<link rel="stylesheet" href="\.\/([^"]+\.css)"[^>]*\/?>\n?/g)];
  if (links.length < 2) return html;
  const parts = await Promise.all(links.map(([, name]) => readFile(join(staging, name), 'utf8')));
  const css = parts.map((part, i) => `/* ${links[i][1]} */\n${part.trimEnd()}\n`).join('\n');
  const name = `style-${contentHash(css)}.css`;
  await writeFile(join(staging, name), css);
  await Promise.all(links.map(([, old]) => rm(join(staging, old))));
  html = html.replace(links[0][0], `<link rel="stylesheet" href="./${name}" integrity="${integrityOf(css)}"/>\n`);
  for (const [tag] of links.slice(1)) html = html.replace(tag, '');
  return html;
}

let { html, partsOfSection } = await addSplitParts(await readFile(indexPath, 'utf8'));
html = addBootScript(await addPrerenderedHome(html), partsOfSection);
if (!release) {
  await writeFile(indexPath, html);
  process.exit(0);
}
html = await mergeStylesheets(html);

async function listFiles(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)])),
  );
  return nested.flat();
}

// Trunk's loader and the boot script are the only inline scripts.
const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (inlineScripts.length !== 2) throw new Error(`finish-dist: expected 2 inline scripts, found ${inlineScripts.length}`);
const scriptHashes = inlineScripts.map((script) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`).join(' ');
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${scriptHashes}`,
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
html = html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
await writeFile(indexPath, html);

const files = (await listFiles(staging))
  .map((file) => relative(staging, file).split('\\').join('/'))
  .filter((file) => file !== 'sw.js')
  .sort();
const fingerprint = createHash('sha256');
for (const file of files) fingerprint.update(file).update(await readFile(join(staging, file)));
const version = fingerprint.digest('hex').slice(0, 16);

const worker = `// Generated by scripts/finish-dist.mjs: precaches this build for offline use.
const CACHE = 'deskaid-${version}';
const FILES = ${JSON.stringify(['./', ...files.map((f) => './' + f)], null, 2)};

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('deskaid-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      caches.match('./', { cacheName: CACHE }).then((cached) => cached || fetch(request)),
    );
    return;
  }
  event.respondWith(caches.match(request, { cacheName: CACHE }).then((cached) => cached || fetch(request)));
});
`;
await writeFile(join(staging, 'sw.js'), worker);
console.log(`finish-dist: CSP added, sw.js precaches ${files.length + 1} URLs as deskaid-${version}`);
