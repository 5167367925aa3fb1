// scripts/lib/wasm-link.mjs with binaryen's wasm-as and wasm-merge (npm
// binaryen, on PATH as in scripts/test): chunks shaped as wasm-split-cli
// writes them are joined into one module that instantiates against the
// shared memory, table and stack pointer once, and does what each chunk did.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importsOf, linkable, moduleName, sections, withoutExports } from '../lib/wasm-link.mjs';

const work = mkdtempSync(join(tmpdir(), 'deskaid-link-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

function binaryen(tool, args) {
  const run = spawnSync(tool, ['--enable-mutable-globals', ...args], { encoding: 'utf8' });
  assert.equal(run.status, 0, `${tool} failed: ${run.stderr}`);
}

let files = 0;
function assemble(wat) {
  const path = join(work, `${files++}`);
  writeFileSync(`${path}.wat`, wat);
  binaryen('wasm-as', [`${path}.wat`, '-o', `${path}.wasm`]);
  return new Uint8Array(readFileSync(`${path}.wasm`));
}

function joinModules(modules) {
  const inputs = linkable(modules).flatMap((bytes, index) => {
    const path = join(work, `${files++}.wasm`);
    writeFileSync(path, bytes);
    return [path, moduleName(index)];
  });
  const out = join(work, `${files++}.wasm`);
  binaryen('wasm-merge', [...inputs, '-o', out]);
  return withoutExports(new Uint8Array(readFileSync(out)));
}

const shared = `
  (import "__wasm_split" "memory" (memory 1))
  (import "__wasm_split" "__indirect_function_table" (table 8 funcref))
  (import "__wasm_split" "__wasm_split_shared0" (global $sp (mut i32)))`;

// Two chunks as wasm-split-cli writes them: functions placed in the shared
// table at fixed slots, data at fixed addresses, nothing exported.
const first = assemble(`(module ${shared}
  (data (i32.const 16) "first")
  (func $answer (result i32) (i32.const 42))
  (func $push (result i32) (global.set $sp (i32.sub (global.get $sp) (i32.const 16))) (global.get $sp))
  (elem (i32.const 1) $answer $push))`);
const second = assemble(`(module ${shared}
  (data (i32.const 32) "second")
  (func $byte_at (param i32) (result i32) (i32.load8_u (local.get 0)))
  (elem (i32.const 3) $byte_at))`);
// A chunk that needs only the memory and the table, as some do.
const third = assemble(`(module
  (import "__wasm_split" "memory" (memory 1))
  (import "__wasm_split" "__indirect_function_table" (table 8 funcref))
  (data (i32.const 48) "third")
  (func $seven (result i32) (i32.const 7))
  (elem (i32.const 5) $seven))`);

function sharedImports() {
  return {
    __wasm_split: {
      memory: new WebAssembly.Memory({ initial: 1 }),
      __indirect_function_table: new WebAssembly.Table({ initial: 8, element: 'anyfunc' }),
      __wasm_split_shared0: new WebAssembly.Global({ value: 'i32', mutable: true }, 1024),
    },
  };
}
const text = (memory, at, length) => new TextDecoder().decode(new Uint8Array(memory.buffer, at, length));

test('joined chunks import each shared thing once and export nothing', () => {
  const joined = joinModules([first, second, third]);
  assert.deepEqual(
    importsOf(joined).map(({ module, field }) => `${module}.${field}`),
    ['__wasm_split.memory', '__wasm_split.__indirect_function_table', '__wasm_split.__wasm_split_shared0'],
  );
  assert.equal(sections(joined).some(({ id }) => id === 7), false);
});

test('the joined module does what each chunk did, against one set of shared imports', async () => {
  const imports = sharedImports();
  const { instance } = await WebAssembly.instantiate(joinModules([first, second, third]), imports);
  assert.deepEqual(Object.keys(instance.exports), []);
  const { memory, __indirect_function_table: table, __wasm_split_shared0: stackPointer } = imports.__wasm_split;
  assert.equal(text(memory, 16, 5), 'first');
  assert.equal(text(memory, 32, 6), 'second');
  assert.equal(text(memory, 48, 5), 'third');
  assert.equal(table.get(1)(), 42);
  // The stack pointer the first chunk moves is the one the shell shares.
  assert.equal(table.get(2)(), 1008);
  assert.equal(stackPointer.value, 1008);
  assert.equal(table.get(3)(32), 's'.charCodeAt(0));
  assert.equal(table.get(5)(), 7);
});

test('a chunk without the stack pointer may come first: a later one keeps its own import', async () => {
  const joined = joinModules([third, first]);
  assert.equal(importsOf(joined).length, 3);
  const imports = sharedImports();
  await WebAssembly.instantiate(joined, imports);
  assert.equal(imports.__wasm_split.__indirect_function_table.get(2)(), 1008);
});

test('a module with exports of its own is refused, and bytes that are not wasm are named', () => {
  const exporting = assemble(`(module ${shared} (func (export "run")))`);
  assert.throws(() => linkable([first, exporting]), /has exports/);
  assert.throws(() => sections(new TextEncoder().encode('<!doctype html>')), /not a wasm module/);
});
