// Trunk post-build hook. Every build: adds the per-page wasm parts that
// scripts/bin/wasm-bindgen split off (optimised in release, with content
// hashes in their names). Release builds also get one merged stylesheet, the
// service worker with the precache list of every file in the build (Trunk's
// hashed names), and a Content-Security-Policy meta tag that allows Trunk's
// inline loader by hash.
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

// Returns `html` with the parts' preloader and linker added, and whether
// the build was split at all.
async function addSplitParts(html) {
  const target = process.env.CARGO_TARGET_DIR ?? join(process.env.TRUNK_SOURCE_DIR, 'target');
  const partsDir = join(target, 'wasm-bindgen', release ? 'release' : 'debug', 'wasm-split');
  const mainJs = html.match(/from '\.\/([^']+\.js)'/)?.[1];
  if (!mainJs) throw new Error("finish-dist: no wasm-bindgen module imported by Trunk's loader");
  if (!existsSync(partsDir)) {
    if ((await readFile(join(staging, mainJs), 'utf8')).includes('__wasm_split.js')) {
      throw new Error('finish-dist: the wasm has split points but was not split: run Trunk with scripts/bin first on PATH');
    }
    return { html, split: false };
  }

  let linker = await readFile(join(partsDir, '__wasm_split.js'), 'utf8');
  linker = linker.replace('"./main.js"', `"./${mainJs}"`);
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
  html = html.replace('</head>', `${routePreloader(linker)}\n  </head>`);
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
  return { html, split: true };
}

// Which split point (src/app.rs) holds the code of each section of the app.
const SPLIT_OF_SECTION = {
  escalation: 'escalation_page',
  quiz: 'quiz_page',
  sla: 'sla_tools',
  queue: 'sla_tools',
  settings: 'sla_tools',
};

// A classic inline script that, while the page is still being parsed, starts
// fetching the wasm parts of the page in the URL: a shared link to a tool
// then loads its parts alongside the shell instead of after it.
function routePreloader(linker) {
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
  return `<script>
(function () {
  var files = ${JSON.stringify(files)}[location.hash.replace(/^#\\/?/, '').split(/[/?]/)[0]] || [];
  files.forEach(function (href) {
    var link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = href;
    document.head.appendChild(link);
  });
})();
</script>`;
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

let { html, split } = await addSplitParts(await readFile(indexPath, 'utf8'));
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

// Trunk's loader and, in a split build, the parts' preloader are the only
// inline scripts.
const inlineScripts = [...html.matchAll(/<script(?: type="module")?>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const expectedScripts = split ? 2 : 1;
if (inlineScripts.length !== expectedScripts) {
  throw new Error(`finish-dist: expected ${expectedScripts} inline scripts, found ${inlineScripts.length}`);
}
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
