// The text patches scripts/finish-dist.mjs makes to Trunk's output, as pure
// functions on strings so that scripts/tests/patch.test.mjs can check them
// against the shapes Trunk 0.21.14 and wasm-split-cli 0.2.3 write. Each one
// throws, naming what it looked for, when that shape has changed, so a tool
// upgrade fails the build instead of shipping a page that does not start.

// ---- wasm-split-cli's linker (`__wasm_split.js`) and the shell's module ----

/** The wasm-bindgen module (`deskaid-<hash>.js`) that Trunk's loader imports. */
export function mainModuleOf(html) {
  const mainJs = html.match(/from '\.\/([^']+\.js)'/)?.[1];
  if (!mainJs) throw new Error("finish-dist: no wasm-bindgen module imported by Trunk's loader");
  return mainJs;
}

/** Whether the shell's module imports a linker, i.e. the wasm has split points. */
export function importsLinker(mainModule) {
  return mainModule.includes('__wasm_split.js');
}

/**
 * The linker made ready to ship: it imports the shell's module by the name
 * Trunk gave it (wasm-split-cli wrote `./main.js`), and instantiates parts
 * from any host (see instantiateAnyHost).
 */
export function prepareLinker(linker, mainJs) {
  if (!linker.includes('"./main.js"')) throw new Error('finish-dist: the wasm-split linker no longer imports "./main.js"');
  return instantiateAnyHost(linker.replace('"./main.js"', `"./${mainJs}"`));
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

/** The linker fetching part `name` under its content-hashed name instead. */
export function renamePart(linker, name, hashed) {
  if (!linker.includes(`"./${name}"`)) throw new Error(`finish-dist: the wasm-split linker does not fetch ${name}`);
  return linker.replaceAll(`"./${name}"`, `"./${hashed}"`);
}

// One chunk's loader in the linker, with the comment naming the split
// points that need it: `/* a_1, b_2 */\nconst __chunk_7 = makeLoad(…, []);`.
const CHUNK_LOADER = /\/\* ([^*]*) \*\/\nconst (__chunk_\d+) = makeLoad\(([\s\S]*?), \[\]\);\n/g;
const fileOf = (fetcher) => fetcher.match(/new URL\("\.\/([^"]+)"/)?.[1];

/**
 * The chunks that have a file, each with the split points that need it
 * (empty chunks, whose loader fetches nothing, are left out).
 */
export function chunksOf(linker) {
  const chunks = [];
  for (const [, needers, chunk, fetcher] of linker.matchAll(CHUNK_LOADER)) {
    const file = fileOf(fetcher);
    if (file) chunks.push({ chunk, file, splits: new Set(needers.split(',').map((split) => split.trim())) });
  }
  return chunks;
}

/**
 * What fetching one more file is worth in bytes when deciding to join
 * chunks. Each file costs a request (a round trip: on the slow phone
 * profile, 150 ms, about 5 KB of transfer on each of a browser's six
 * connections to a host) and its own type and import sections, and two
 * chunks joined compress better than apart, which the sizes weighed here
 * do not see. Measured side by side on bench builds (README, "Speed and
 * size", session 17): 6 KB made every shared link faster on that profile
 * than 1, 4 or 8 KB did, or as fast; 8 KB cost Settings 20 KB more.
 */
export const FILE_COST_BYTES = 6144;

/**
 * Which chunks to join: `[{ host, guests }]` of chunk names. wasm-split-cli
 * makes one chunk per set of split points sharing code, so a page fetches up
 * to 25 files, many of a few hundred bytes. A chunk joins another whose
 * split points include all of its own when what it saves (one file fewer
 * for each of its split points) outweighs what it costs (its bytes fetched
 * by the host's other split points); the largest saving goes first, until
 * no join pays. `sizeOf(file)` is a chunk file's size as sent (gzip).
 */
export function chunkJoins(linker, sizeOf, fileCost = FILE_COST_BYTES) {
  const groups = chunksOf(linker).map(({ chunk, file, splits }) => ({ host: chunk, guests: [], splits, size: sizeOf(file) }));
  for (;;) {
    let best = null;
    for (const guest of groups) {
      for (const host of groups) {
        if (host === guest || ![...guest.splits].every((split) => host.splits.has(split))) continue;
        const saving = guest.splits.size * fileCost - (host.splits.size - guest.splits.size) * guest.size;
        if (saving > 0 && (!best || saving > best.saving)) best = { saving, guest, host };
      }
    }
    if (!best) break;
    const { guest, host } = best;
    host.guests.push(guest.host, ...guest.guests);
    host.size += guest.size;
    groups.splice(groups.indexOf(guest), 1);
  }
  return groups.filter((group) => group.guests.length).map(({ host, guests }) => ({ host, guests }));
}

/**
 * The linker after `joins` (from chunkJoins): a guest's loader is gone, and
 * each split point that needed it waits for its host instead.
 */
export function joinChunksInLinker(linker, joins) {
  const hostOf = new Map(joins.flatMap(({ host, guests }) => guests.map((guest) => [guest, host])));
  let removed = 0;
  let joined = linker.replace(CHUNK_LOADER, (loader, _needers, chunk) => {
    if (!hostOf.has(chunk)) return loader;
    removed++;
    return '';
  });
  if (removed !== hostOf.size) throw new Error('finish-dist: the wasm-split linker does not load every chunk to be joined');
  joined = joined.replace(/(\n, \[)([^\]]*)(\]\)\);)/g, (_all, open, deps, close) => {
    const kept = [...new Set(deps.split(',').map((dep) => dep.trim()).filter(Boolean).map((dep) => hostOf.get(dep) ?? dep))];
    return `${open}${kept.join(', ')}${close}`;
  });
  return joined;
}

/**
 * The wasm files each section of the app needs, read from the linker:
 * `splitOfSection` maps a section (the first segment of a page's path) to
 * its split point, or to several, and `quiz?` to the split points of a
 * `#/quiz?...` link where they differ (assets/split-of-section.json, written from
 * src/shell/lazy.rs). Parts with no code (wasm-split-cli loads nothing for
 * them) are left out.
 */
export function sectionParts(linker, splitOfSection) {
  // An empty module's loader fetches nothing: `() => async (_imp) => ({})`.
  const chunkFiles = {};
  for (const m of linker.matchAll(/const (__chunk_\d+) = makeLoad\(([\s\S]*?), \[\]\);/g)) chunkFiles[m[1]] = fileOf(m[2]);
  const splitFiles = {};
  for (const m of linker.matchAll(/export const __wasm_split_load_([a-z_]+?)_\d+ = wrapAsyncCb\(makeLoad\(([\s\S]*?), \[([^\]]*)\]\)\);/g)) {
    const deps = m[3].split(',').map((d) => d.trim()).filter(Boolean);
    splitFiles[m[1]] = [fileOf(m[2]), ...deps.map((d) => chunkFiles[d])].filter(Boolean);
  }
  const files = {};
  for (const [section, splits] of Object.entries(splitOfSection)) {
    const wanted = [splits].flat();
    for (const split of wanted) if (!splitFiles[split]) throw new Error(`finish-dist: no wasm part for the split point ${split}`);
    files[section] = [...new Set(wanted.flatMap((split) => splitFiles[split]))].map((f) => `./${f}`);
  }
  return files;
}

/**
 * The shell's module importing the linker by its hashed name (the import
 * keeps the fixed name wasm-split-cli gave it, which is also the wasm
 * import's module name).
 */
export function importHashedLinker(mainModule, linkerName) {
  const patched = mainModule.replace(/from (["'])\.\/__wasm_split\.js\1/g, `from "./${linkerName}"`);
  if (patched === mainModule) throw new Error('finish-dist: the shell module does not import ./__wasm_split.js');
  return patched;
}

/**
 * `html` with the shell module's integrity renewed (it was patched) and the
 * linker preloaded next to it, so both are fetched at once rather than the
 * linker only after the shell has been parsed.
 */
export function preloadLinker(html, mainJs, mainIntegrity, linkerName) {
  let found = false;
  const patched = html.replace(/<link rel="modulepreload"[^>]*>/g, (tag) => {
    if (!tag.includes(`"./${mainJs}"`)) return tag;
    found = true;
    return (
      tag.replace(/integrity="sha384-[^"]+"/, `integrity="${mainIntegrity}"`) +
      `\n<link rel="modulepreload" href="./${linkerName}" crossorigin="anonymous">`
    );
  });
  if (!found) throw new Error(`finish-dist: Trunk no longer preloads ./${mainJs}`);
  return patched;
}

// ---- index.html: the prerendered home page and the boot script ----

/** Shows the home page as HTML while the wasm loads; src/shell/prerendered.rs swaps it for the live app. */
export function addPrerenderedHome(html, home) {
  if (!html.includes('<body>')) throw new Error('finish-dist: index.html has no <body>');
  return html.replace('<body>', `<body>\n    <div id="prerendered" class="prerendered">${home.trim()}</div>`);
}

/**
 * Where the team's content pack is, beside index.html: the app reads it at
 * run time (PUBLISHED_PACK in src/store/pack.rs), and the service worker
 * checks it for changes.
 */
export const PUBLISHED_PACK = 'content/pack.json';

/**
 * A pack file's fingerprint, as `domain::pack::fingerprint` computes it:
 * FNV-1a over its bytes, 64 bits, 16 hex digits. It lets the app recognise
 * the pack its build shipped (checked by native tests) without checking it
 * again; it is no defence against anything.
 */
export function packFingerprint(bytes) {
  let hash = 0xcbf29ce484222325n;
  for (const byte of bytes) hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return hash.toString(16).padStart(16, '0');
}

/**
 * `html` with a meta tag naming the copy of the pack this build shipped
 * with (`href`, a name the team never replaces) and its fingerprint: the
 * app falls back to that copy when the published pack cannot be used.
 */
export function addShippedPack(html, href, fingerprint) {
  const charset = '<meta charset="utf-8" />';
  if (!html.includes(charset)) throw new Error('finish-dist: index.html has no charset meta tag');
  return html.replace(charset, `${charset}\n    <meta name="deskaid-shipped-pack" content="${href}" data-fingerprint="${fingerprint}" />`);
}

/**
 * The key the app writes the theme to for this script: `light`, `dark`, or
 * absent to follow the system (BOOT_THEME_KEY in src/store/state/settings.rs).
 */
export const BOOT_THEME_KEY = 'deskaid.theme';

/**
 * Replaces Trunk's wasm preload with a classic inline script that, while the
 * page is still being parsed: applies the saved theme (no flash of the other
 * one), marks a link to a tool so that CSS shows "Loading…" instead of the
 * prerendered home page, makes the prerendered skip link move focus, starts
 * compiling the wasm as it downloads, and starts fetching the content pack
 * (except for the sections in `withoutContent`, which draw nothing from it) and the wasm parts
 * of the page in the URL (`partsOfSection`, from sectionParts; null when the build was not split). Trunk's loader then waits for the document and
 * instantiates the compiled module; it no longer holds up DOMContentLoaded.
 */
export function addBootScript(html, partsOfSection, withoutContent = []) {
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
    // Written by the app for this script: "light", "dark", or absent.
    var theme = localStorage.getItem(${JSON.stringify(BOOT_THEME_KEY)});
    if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);
  } catch (error) {
    // Storage is unavailable: the app reports it once it runs.
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
  // Pages show content, but for home and a few that fetch it on request: fetch the pack beside the wasm (the app takes this promise).
  if (section && window.fetch && ${JSON.stringify(withoutContent)}.indexOf(section) < 0) window.deskaidPack = window.fetch(${JSON.stringify('./' + PUBLISHED_PACK)});
  // "quiz?" for a link with a query, where the page's parts differ.
  var parts = ${JSON.stringify(partsOfSection ?? {})};
  var query = location.hash.indexOf('?') >= 0;
  ((query && parts[section + '?']) || parts[section] || []).forEach(function (href) {
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

/**
 * `html` with a Content-Security-Policy meta tag that allows its inline
 * scripts (Trunk's loader and the boot script, exactly two) by hash;
 * `sha256Base64` hashes a script's text.
 */
export function addContentSecurityPolicy(html, sha256Base64) {
  const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  if (inlineScripts.length !== 2) throw new Error(`finish-dist: expected 2 inline scripts, found ${inlineScripts.length}`);
  const scriptHashes = inlineScripts.map((script) => `'sha256-${sha256Base64(script)}'`).join(' ');
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
  if (!html.includes('<meta charset="utf-8" />')) throw new Error('finish-dist: index.html has no <meta charset="utf-8" />');
  return html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
}
