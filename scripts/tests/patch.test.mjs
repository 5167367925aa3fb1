// scripts/lib/patch.mjs against the shapes of Trunk 0.21.14's index.html
// (fixtures/trunk-index.html), wasm-split-cli 0.2.3's linker
// (fixtures/__wasm_split.js, a release build of three split points with one
// empty chunk; fixtures/__wasm_split-four-parts.js, four split points, whose
// shell also hands the parts a shared global; fixtures/__wasm_split-five-parts.js,
// today's five, with the class results apart from the quiz) and wasm-bindgen's shell
// module (fixtures/deskaid.js). Run with `node --test scripts/tests/*.test.mjs`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  addBootScript,
  addContentSecurityPolicy,
  addPrerenderedHome,
  addShippedPack,
  BOOT_THEME_KEY,
  chunkJoins,
  chunksOf,
  importHashedLinker,
  importsLinker,
  joinChunksInLinker,
  mainModuleOf,
  packFingerprint,
  preloadLinker,
  prepareLinker,
  PUBLISHED_PACK,
  renamePart,
  sectionParts,
} from '../lib/patch.mjs';

const fixture = (name) => readFile(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
const html = await fixture('trunk-index.html');
const linker = await fixture('__wasm_split.js');
const fourParts = await fixture('__wasm_split-four-parts.js');
const fiveParts = await fixture('__wasm_split-five-parts.js');
const mainModule = await fixture('deskaid.js');
const MAIN_JS = 'deskaid-5d41402abc4b2a76.js';

test("finds the shell module Trunk's loader imports, and whether it was split", () => {
  assert.equal(mainModuleOf(html), MAIN_JS);
  assert.equal(importsLinker(mainModule), true);
  assert.equal(importsLinker('export function initSync() {}'), false);
  assert.throws(() => mainModuleOf('<html></html>'), /no wasm-bindgen module/);
});

test('the linker imports the shell by its name and instantiates parts from any host', () => {
  const ready = prepareLinker(linker, MAIN_JS);
  assert.match(ready, new RegExp(`^import \\{ initSync \\} from "\\./${MAIN_JS}";`));
  assert.equal(ready.includes('"./main.js"'), false);
  assert.equal(ready.includes('WebAssembly.instantiateStreaming(src, imports)'), false);
  assert.equal(ready.match(/=> \(instantiatePart\(src, imports\)\)/g).length, 6);
  // The fallback is defined once, after the imports, before anything uses it.
  assert.ok(ready.indexOf('async function instantiatePart') < ready.indexOf('function wrapAsyncCb'));
  assert.throws(() => prepareLinker(linker.replace('"./main.js"', '"./other.js"'), MAIN_JS), /main\.js/);
  assert.throws(() => prepareLinker(linker.replaceAll('instantiateStreaming', 'compile'), MAIN_JS), /changed shape/);
});

test('parts are fetched under their hashed names', () => {
  const renamed = renamePart(linker, 'chunk_7.wasm', 'chunk_7-0123456789abcdef.wasm');
  assert.equal(renamed.includes('"./chunk_7.wasm"'), false);
  assert.equal(renamed.includes('"./chunk_7-0123456789abcdef.wasm"'), true);
  assert.throws(() => renamePart(linker, 'chunk_99.wasm', 'x.wasm'), /chunk_99/);
});

test('each section gets the files of its split point, without empty chunks', () => {
  // The table of the build the fixture comes from, when Settings shared the
  // SLA tools' split point.
  const threeSplitPoints = { escalation: 'escalation_page', queue: 'sla_tools', quiz: 'quiz_page', settings: 'sla_tools', sla: 'sla_tools' };
  const parts = sectionParts(linker, threeSplitPoints);
  const sla = ['./split_sla_tools_12717960418812365537.wasm', './chunk_4.wasm', './chunk_7.wasm'];
  assert.deepEqual(parts, {
    escalation: ['./split_escalation_page_1402877436431473285.wasm', './chunk_4.wasm', './chunk_5.wasm', './chunk_7.wasm'],
    queue: sla,
    quiz: ['./split_quiz_page_8868263213582937312.wasm', './chunk_5.wasm', './chunk_7.wasm'],
    settings: sla,
    sla,
  });
  // Hashed names and the any-host fallback do not hide the files.
  const shipped = renamePart(prepareLinker(linker, MAIN_JS), 'chunk_4.wasm', 'chunk_4-00ff.wasm');
  assert.equal(sectionParts(shipped, threeSplitPoints).sla[1], './chunk_4-00ff.wasm');
  assert.throws(() => sectionParts(linker, { help: 'help_page' }), /split point help_page/);
  // A section may name several split points: their files, each once.
  assert.deepEqual(sectionParts(linker, { quiz: ['quiz_page', 'escalation_page'], 'quiz?': 'quiz_page' }), {
    quiz: ['./split_quiz_page_8868263213582937312.wasm', './chunk_5.wasm', './chunk_7.wasm', './split_escalation_page_1402877436431473285.wasm', './chunk_4.wasm'],
    'quiz?': parts.quiz,
  });
  assert.throws(() => sectionParts(linker, { quiz: ['quiz_page', 'quiz_screens'] }), /split point quiz_screens/);
});

test('four split points: each page gets its split point and the shared parts it needs, Settings its own', () => {
  const ready = prepareLinker(fourParts, MAIN_JS);
  assert.equal(ready.match(/=> \(instantiatePart\(src, imports\)\)/g).length, 15);
  // The table of the build the fixture comes from, when the class results
  // shared the quiz's split point.
  const fourSplitPoints = { escalation: 'escalation_page', queue: 'sla_tools', quiz: 'quiz_page', results: 'quiz_page', settings: 'settings_page', sla: 'sla_tools' };
  const parts = sectionParts(fourParts, fourSplitPoints);
  const sla = ['./split_sla_tools_6907260535317069038.wasm', ...[7, 8, 10, 11, 13, 14, 15].map((n) => `./chunk_${n}.wasm`)];
  const quiz = ['./split_quiz_page_4911819621296715702.wasm', ...[5, 6, 7, 8, 12, 13, 14].map((n) => `./chunk_${n}.wasm`)];
  assert.deepEqual(parts, {
    escalation: ['./split_escalation_page_5516765267255427244.wasm', ...[5, 6, 7, 8, 9, 10, 11].map((n) => `./chunk_${n}.wasm`)],
    queue: sla,
    quiz,
    // The class results page is in the quiz's split point.
    results: quiz,
    settings: ['./split_settings_page_18094374105683618433.wasm', ...[6, 7, 9, 10, 12, 13, 15].map((n) => `./chunk_${n}.wasm`)],
    sla,
  });
});

test("five split points: the class results have their own split point, and each page fetches only its shared parts", () => {
  const ready = prepareLinker(fiveParts, MAIN_JS);
  assert.equal(ready.match(/=> \(instantiatePart\(src, imports\)\)/g).length, 30);
  // The table of the fixture's build, before authoring joined the class
  // results in the trainers' part.
  const fivePartTable = {
    escalation: 'escalation_page',
    quiz: 'quiz_page',
    results: 'results_page',
    settings: 'settings_page',
    sla: 'sla_tools',
    queue: 'sla_tools',
  };
  const parts = sectionParts(fiveParts, fivePartTable);
  const split = (name) => `./split_${name}.wasm`;
  const chunks = (...numbers) => numbers.map((n) => `./chunk_${n}.wasm`);
  const sla = [split('sla_tools_8432542571660515830'), ...chunks(9, 10, 12, 13, 15, 16, 18, 19, 22, 23, 25, 26, 28, 29, 30)];
  assert.deepEqual(parts, {
    escalation: [split('escalation_page_15135183461730192077'), ...chunks(6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19)],
    queue: sla,
    quiz: [split('quiz_page_15135183461730192077'), ...chunks(6, 7, 8, 9, 10, 11, 12, 13, 20, 21, 22, 23, 24, 25, 26)],
    results: [split('results_page_15135183461730192077'), ...chunks(7, 8, 9, 10, 14, 15, 16, 20, 21, 22, 23, 27, 28, 29)],
    settings: [split('settings_page_15135183461730192077'), ...chunks(8, 9, 11, 12, 15, 17, 18, 21, 22, 24, 25, 27, 28, 30)],
    sla,
  });
  // A trainee's quiz link fetches none of the trainer's results code, nor
  // chunk 27, which only the results page and Settings share.
  assert.equal(parts.quiz.some((file) => file.includes('results_page') || file === './chunk_27.wasm'), false);
});

test('the chunks and the split points that need each are read from the linker; empty chunks have no file', () => {
  const chunks = chunksOf(fiveParts);
  assert.equal(chunks.length, 25);
  assert.deepEqual(chunks[0], {
    chunk: '__chunk_6',
    file: 'chunk_6.wasm',
    splits: new Set(['escalation_page_15135183461730192077', 'quiz_page_15135183461730192077']),
  });
  assert.equal(chunksOf(linker).some(({ chunk }) => chunk === '__chunk_6'), false);
});

test('a small chunk joins the chunk its split points share that costs the others least; large ones stay', () => {
  const large = 50_000;
  const sizes = (small) => (file) => (small.includes(file) ? 300 : large);
  // chunk_6 is needed by escalation and the quiz; chunk_7 by those and the
  // class results, which then fetch its 300 bytes: one file fewer for two
  // split points pays for that.
  assert.deepEqual(chunkJoins(fiveParts, sizes(['chunk_6.wasm'])), [{ host: '__chunk_7', guests: ['__chunk_6'] }]);
  // chunk_10 is needed by four split points of five: one file fewer for
  // each of them is worth 3 KB more for the fifth, not 5 KB.
  assert.deepEqual(chunkJoins(fiveParts, () => 3_000, 1024)[0], { host: '__chunk_9', guests: ['__chunk_8', '__chunk_10', '__chunk_12', '__chunk_15', '__chunk_22'] });
  assert.deepEqual(chunkJoins(fiveParts, () => 5_000, 1024), []);
  // When every chunk is tiny, all end up in the one every split point needs.
  const [all] = chunkJoins(fiveParts, () => 10);
  assert.equal(all.host, '__chunk_9');
  assert.equal(all.guests.length, 24);
});

test('after a join, the split points that needed a guest fetch its host, once', () => {
  const joins = [{ host: '__chunk_7', guests: ['__chunk_6', '__chunk_8'] }];
  const joined = joinChunksInLinker(prepareLinker(fiveParts, MAIN_JS), joins);
  assert.equal(joined.includes('__chunk_6'), false);
  assert.equal(joined.includes('chunk_8.wasm'), false);
  assert.equal(joined.match(/makeLoad\(/g).length, prepareLinker(fiveParts, MAIN_JS).match(/makeLoad\(/g).length - 2);
  const table = { escalation: 'escalation_page', quiz: 'quiz_page', results: 'results_page', settings: 'settings_page', sla: 'sla_tools' };
  const parts = sectionParts(joined, table);
  const before = sectionParts(fiveParts, table);
  // Settings needed chunk_8 but not chunk_7: it now fetches chunk_7 instead.
  assert.equal(parts.settings.filter((file) => file === './chunk_7.wasm').length, 1);
  assert.equal(parts.escalation.length, before.escalation.length - 2);
  assert.equal(parts.sla.join(), before.sla.join());
  assert.throws(() => joinChunksInLinker(fiveParts, [{ host: '__chunk_7', guests: ['__chunk_99'] }]), /every chunk/);
});

test('the shell imports the hashed linker but keeps the wasm import name', () => {
  const patched = importHashedLinker(mainModule, 'wasm-split-abcdef.js');
  assert.match(patched, /import \* as __wbg_star0 from "\.\/wasm-split-abcdef\.js";/);
  assert.match(patched, /imports\['\.\/__wasm_split\.js'\] = __wbg_star0;/);
  assert.throws(() => importHashedLinker('export {};', 'x.js'), /does not import/);
});

test('the linker is preloaded with the shell, whose integrity is renewed', () => {
  const patched = preloadLinker(html, MAIN_JS, 'sha384-NEW', 'wasm-split-abcdef.js');
  assert.match(patched, new RegExp(`<link rel="modulepreload" href="\\./${MAIN_JS}" crossorigin="anonymous" integrity="sha384-NEW">\\n<link rel="modulepreload" href="\\./wasm-split-abcdef\\.js" crossorigin="anonymous">`));
  assert.throws(() => preloadLinker(html, 'other.js', 'sha384-NEW', 'x.js'), /no longer preloads/);
});

test('the prerendered home page goes first in <body>', () => {
  const patched = addPrerenderedHome(html, '<main><h1>Deskaid</h1></main>\n');
  assert.match(patched, /<body>\n {4}<div id="prerendered" class="prerendered"><main><h1>Deskaid<\/h1><\/main><\/div>\n {4}<noscript>/);
  assert.throws(() => addPrerenderedHome('<html></html>', ''), /no <body>/);
});

test("the boot script replaces Trunk's wasm preload and feeds the loader", () => {
  const parts = { sla: ['./split_sla.wasm', './chunk_4.wasm'] };
  const patched = addBootScript(html, parts, ['settings']);
  assert.equal(patched.includes('<link rel="preload" href="./deskaid-5d41402abc4b2a76_bg.wasm"'), false);
  assert.match(patched, /<script type="module" async>\nimport init, \* as bindings from '\.\/deskaid-5d41402abc4b2a76\.js';\n/);
  assert.match(patched, /const wasm = await init\(\{ module_or_path: window\.deskaidWasm \}\);/);
  assert.ok(patched.indexOf('<script>\n(function () {') < patched.indexOf('<script type="module" async>'));
  assert.ok(patched.includes('var wasm = ["./deskaid-5d41402abc4b2a76_bg.wasm", {"integrity":"sha384-kY7oTQ2m8WmZl2Vh4G0JcJrKpU3Zm7dQ1e9X4nB6cA8sF2tR5uV0wY3zH1iK6jL4"}];'));
  assert.ok(patched.includes('var parts = ' + JSON.stringify(parts) + ';'));
  // A URL with a query takes the section's `?` entry when there is one.
  assert.ok(patched.includes("((query && parts[section + '?']) || parts[section] || [])"));
  // Settings draws no content: its deep link does not fetch the pack.
  assert.ok(patched.includes('["settings"].indexOf(section) < 0) window.deskaidPack = window.fetch('));
  // The theme comes from the one key the app writes for this script, not from the settings record.
  assert.equal(BOOT_THEME_KEY, 'deskaid.theme');
  assert.ok(patched.includes(`localStorage.getItem("${BOOT_THEME_KEY}")`));
  assert.equal(patched.includes('deskaid.settings'), false);
  // An unsplit build preloads nothing.
  assert.ok(addBootScript(html, null).includes('var parts = {};'));
  assert.throws(() => addBootScript(html.replace('<script type="module">', '<script>'), parts), /changed shape/);
});

test('the shipped pack is named in a meta tag the app reads, with its fingerprint', () => {
  const patched = addShippedPack(html, './content/shipped-af63dc4c8601ec8c.json', 'af63dc4c8601ec8c');
  assert.match(patched, /<meta charset="utf-8" \/>\n {4}<meta name="deskaid-shipped-pack" content="\.\/content\/shipped-af63dc4c8601ec8c\.json" data-fingerprint="af63dc4c8601ec8c" \/>/);
  assert.throws(() => addShippedPack('<html></html>', 'x', 'y'), /charset/);
});

test("a pack's fingerprint is FNV-1a 64, as the app computes it (the same known answers as domain::pack)", () => {
  const of = (text) => packFingerprint(Buffer.from(text, 'utf8'));
  assert.equal(of(''), 'cbf29ce484222325');
  assert.equal(of('a'), 'af63dc4c8601ec8c');
  assert.equal(of('{"deskaid_pack":1,"title":"Équipe"}'), packFingerprint(new TextEncoder().encode('{"deskaid_pack":1,"title":"Équipe"}')));
});

test('the boot script fetches the pack the app reads for a deep link, and not for home', async () => {
  const script = addBootScript(html, null).match(/<script>\n([\s\S]*?)<\/script>/)[1];
  const run = (hash) => {
    const fetched = [];
    const window = { WebAssembly: undefined, fetch: (href) => fetched.push(href) && 'response' };
    const document = { documentElement: { setAttribute() {} }, addEventListener() {}, head: { appendChild() {} } };
    const storage = { getItem: () => null };
    new Function('window', 'document', 'localStorage', 'location', 'addEventListener', script)(
      window, document, storage, { hash }, () => {},
    );
    return { fetched, promise: window.deskaidPack };
  };
  assert.deepEqual(run('#/sla?received=x'), { fetched: ['./content/pack.json'], promise: 'response' });
  assert.deepEqual(run(''), { fetched: [], promise: undefined });
  // The same address as the app's.
  const rust = await readFile(new URL('../../src/store/pack.rs', import.meta.url), 'utf8');
  assert.ok(rust.includes(`pub const PUBLISHED_PACK: &str = "${PUBLISHED_PACK}";`));
});

test('the boot script applies the theme the app recorded', () => {
  const script = addBootScript(html, null).match(/<script>\n([\s\S]*?)<\/script>/)[1];
  const run = (stored) => {
    const attributes = {};
    const storage = { getItem: (key) => (key === BOOT_THEME_KEY ? stored : null) };
    const root = { setAttribute: (name, value) => (attributes[name] = value) };
    const window = { WebAssembly: undefined };
    const document = { documentElement: root, addEventListener() {}, head: { appendChild() {} } };
    new Function('window', 'document', 'localStorage', 'location', 'addEventListener', script)(
      window, document, storage, { hash: '#/sla' }, () => {},
    );
    return attributes;
  };
  assert.deepEqual(run('dark'), { 'data-theme': 'dark', 'data-boot': 'page' });
  assert.deepEqual(run('light')['data-theme'], 'light');
  assert.equal(run(null)['data-theme'], undefined);
  assert.equal(run('purple')['data-theme'], undefined);
});

test('the policy allows exactly the two inline scripts by hash', () => {
  const sha256 = (text) => createHash('sha256').update(text).digest('base64');
  const booted = addBootScript(html, null);
  const patched = addContentSecurityPolicy(booted, sha256);
  const scripts = [...booted.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${sha256(m[1])}'`);
  assert.match(patched, new RegExp(`<meta charset="utf-8" />\\n {4}<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${scripts.join(' ').replaceAll('+', '\\+')};`));
  assert.throws(() => addContentSecurityPolicy(html.replace(/<script type="module">[\s\S]*?<\/script>/, ''), sha256), /expected 2 inline scripts, found 0/);
});
