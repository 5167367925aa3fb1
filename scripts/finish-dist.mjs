// Trunk post-build hook. Every build: adds the per-page wasm parts that
// scripts/bin/wasm-bindgen split off (optimised in release, the smallest
// shared chunks joined to larger ones, with content hashes in their
// names), the prerendered home page, a copy of the shipped
// content pack that the app falls back to, and a boot script that starts
// compiling the wasm while the page is parsed. Release builds also get one
// merged stylesheet, the service worker with the precache list of every file
// in the build (Trunk's hashed names), and a Content-Security-Policy meta
// tag that allows the two inline scripts by hash. The text patches live in
// scripts/lib/patch.mjs and the wasm edits in scripts/lib/wasm-link.mjs
// (tested by scripts/tests/); this file only reads and writes files and runs
// binaryen.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as link from './lib/wasm-link.mjs';
import * as patch from './lib/patch.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this from Trunk');
const release = process.env.TRUNK_PROFILE === 'release';
const contentHash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const integrityOf = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;
const indexPath = join(staging, 'index.html');

const WASM_FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals'];

// Runs a binaryen tool; its warnings (a name subsection it does not know)
// show only when it fails.
function binaryen(tool, args) {
  const run = spawnSync(tool, [...WASM_FEATURES, ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`finish-dist: ${tool} failed:\n${run.stderr}`);
}

// The part at `path`, optimised as Trunk optimises the shell.
function optimise(path) {
  binaryen('wasm-opt', ['-Oz', path, '-o', `${path}.opt`]);
  return readFileSync(`${path}.opt`);
}

// One module holding the chunks `modules` (wasm bytes): see scripts/lib/wasm-link.mjs.
async function joinChunks(partsDir, modules) {
  const dir = await mkdtemp(join(partsDir, 'join-'));
  const inputs = [];
  for (const [index, bytes] of link.linkable(modules).entries()) {
    const path = join(dir, `${index}.wasm`);
    await writeFile(path, bytes);
    inputs.push(path, link.moduleName(index));
  }
  const joined = join(dir, 'joined.wasm');
  binaryen('wasm-merge', [...inputs, '-o', joined]);
  await writeFile(joined, link.withoutExports(await readFile(joined)));
  const bytes = release ? optimise(joined) : await readFile(joined);
  await rm(dir, { recursive: true });
  return bytes;
}

// Returns `html` with the parts' linker added, and the wasm files of each
// section of the app (none when the build was not split).
async function addSplitParts(html) {
  const target = process.env.CARGO_TARGET_DIR ?? join(process.env.TRUNK_SOURCE_DIR, 'target');
  const partsDir = join(target, 'wasm-bindgen', release ? 'release' : 'debug', 'wasm-split');
  const mainJs = patch.mainModuleOf(html);
  if (!existsSync(partsDir)) {
    if (patch.importsLinker(await readFile(join(staging, mainJs), 'utf8'))) {
      throw new Error('finish-dist: the wasm has split points but was not split: run Trunk with scripts/bin first on PATH');
    }
    return { html, partsOfSection: null };
  }

  let linker = patch.prepareLinker(await readFile(join(partsDir, '__wasm_split.js'), 'utf8'), mainJs);
  const parts = new Map();
  for (const name of (await readdir(partsDir)).filter((file) => file.endsWith('.wasm'))) {
    const source = join(partsDir, name);
    parts.set(name, release ? optimise(source) : await readFile(source));
  }
  const joins = patch.chunkJoins(linker, (file) => gzipSync(parts.get(file)).length);
  const fileOfChunk = new Map(patch.chunksOf(linker).map(({ chunk, file }) => [chunk, file]));
  for (const { host, guests } of joins) {
    const files = [host, ...guests].map((chunk) => fileOfChunk.get(chunk));
    parts.set(files[0], await joinChunks(partsDir, files.map((file) => parts.get(file))));
    for (const file of files.slice(1)) parts.delete(file);
  }
  linker = patch.joinChunksInLinker(linker, joins);
  for (const [name, bytes] of parts) {
    const hashed = `${name.replace(/\.wasm$/, '')}-${contentHash(bytes)}.wasm`;
    await writeFile(join(staging, hashed), bytes);
    linker = patch.renamePart(linker, name, hashed);
  }
  const linkerName = `wasm-split-${contentHash(linker)}.js`;
  // Which split point holds each section's page: written from src/shell/lazy.rs by its test.
  const splitOfSection = JSON.parse(await readFile(join(process.env.TRUNK_SOURCE_DIR, 'assets', 'split-of-section.json'), 'utf8'));
  const partsOfSection = patch.sectionParts(linker, splitOfSection);
  await writeFile(join(staging, linkerName), linker);

  const mainPath = join(staging, mainJs);
  const main = patch.importHashedLinker(await readFile(mainPath, 'utf8'), linkerName);
  await writeFile(mainPath, main);
  html = patch.preloadLinker(html, mainJs, integrityOf(main), linkerName);
  const joined = joins.reduce((count, { guests }) => count + guests.length, 0);
  console.log(`finish-dist: added ${parts.size} wasm parts split off by wasm-split-cli (${joined} small chunks joined to others)`);
  return { html, partsOfSection };
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

// A copy of the shipped pack the team never replaces, named by its
// fingerprint: the app falls back to it when the published
// content/pack.json cannot be used, and knows it (and an unchanged
// content/pack.json) by that fingerprint, so reads it without checking it
// again.
async function addShippedPack(html) {
  const pack = await readFile(join(staging, patch.PUBLISHED_PACK));
  const fingerprint = patch.packFingerprint(pack);
  const name = `content/shipped-${fingerprint}.json`;
  await writeFile(join(staging, name), pack);
  return patch.addShippedPack(html, `./${name}`, fingerprint);
}

let { html, partsOfSection } = await addSplitParts(await readFile(indexPath, 'utf8'));
html = await addShippedPack(html);
const home = await readFile(join(process.env.TRUNK_SOURCE_DIR, 'assets', 'prerendered-home.html'), 'utf8');
// The pages that draw nothing from the pack: written from src/shell/lazy.rs by its test.
const withoutContent = JSON.parse(await readFile(join(process.env.TRUNK_SOURCE_DIR, 'assets', 'sections-without-content.json'), 'utf8'));
html = patch.addBootScript(patch.addPrerenderedHome(html, home), partsOfSection, withoutContent);
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

html = patch.addContentSecurityPolicy(html, (script) => createHash('sha256').update(script).digest('base64'));
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

// The team's content pack is replaced on the host without a new build:
// served from the cache at once (offline first), then fetched again; a copy
// that changed and still parses is kept for the next load, and the pages
// are told, to offer a reload. One that does not parse is never kept, so
// the last good pack stays in use.
const PACK = new URL('./${patch.PUBLISHED_PACK}', self.location).href;

async function packChanged(cached) {
  const fresh = await fetch(PACK, { cache: 'no-cache' });
  if (!fresh.ok) return;
  const text = await fresh.clone().text();
  if (cached && text === (await cached.text())) return;
  try {
    JSON.parse(text);
  } catch (error) {
    return;
  }
  const cache = await caches.open(CACHE);
  await cache.put(PACK, fresh);
  if (!cached) return;
  const pages = await self.clients.matchAll({ type: 'window' });
  pages.forEach((page) => page.postMessage({ type: 'PACK_CHANGED' }));
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.url === PACK) {
    const cached = caches.match(PACK, { cacheName: CACHE });
    event.waitUntil(cached.then((hit) => packChanged(hit && hit.clone())).catch(() => {}));
    event.respondWith(cached.then((hit) => hit || fetch(request)));
    return;
  }
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
