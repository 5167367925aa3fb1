// Joining wasm-split-cli's shared chunks into fewer files. A chunk imports
// only what every part shares (`__wasm_split`: the memory, the function
// table, the stack pointer) and exports nothing: its functions reach the
// table through active element segments at fixed offsets, its data the
// memory at fixed addresses. So several chunks can become one module if
// each shared thing is imported once. binaryen's wasm-merge joins modules
// but keeps one import per module (two memories), so before it runs,
// `linkable` makes the first module that imports a shared thing re-export
// it and the others import it from that module, which wasm-merge then
// resolves; `withoutExports` drops those re-exports afterwards. Pure
// functions on bytes, checked by scripts/tests/wasm-link.test.mjs.

const utf8 = new TextDecoder();
const encoder = new TextEncoder();

const IMPORT_SECTION = 2;
const EXPORT_SECTION = 7;
// Where each known section goes (the binary format's order; 0 is custom).
const SECTION_ORDER = [1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 12, 10, 11];
const KIND_FUNC = 0;
const KIND_TABLE = 1;
const KIND_MEMORY = 2;
const KIND_GLOBAL = 3;

function readU32(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  return [value >>> 0, at];
}

function u32(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}

function readName(bytes, at) {
  const [length, start] = readU32(bytes, at);
  return [utf8.decode(bytes.subarray(start, start + length)), start + length];
}

const name = (text) => {
  const bytes = encoder.encode(text);
  return [...u32(bytes.length), ...bytes];
};

/** The module's sections: id, where its header starts, its body's start and end. */
export function sections(bytes) {
  if (bytes.length < 8 || bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) {
    throw new Error('finish-dist: a wasm part is not a wasm module');
  }
  const list = [];
  let at = 8;
  while (at < bytes.length) {
    const [size, start] = readU32(bytes, at + 1);
    list.push({ id: bytes[at], head: at, start, end: start + size });
    at = start + size;
  }
  return list;
}

function skipLimits(bytes, at) {
  const flags = bytes[at++];
  at = readU32(bytes, at)[1];
  return flags & 1 ? readU32(bytes, at)[1] : at;
}

/** The module's imports: module and field names, kind, and the bytes describing it. */
export function importsOf(bytes) {
  const section = sections(bytes).find((s) => s.id === IMPORT_SECTION);
  if (!section) return [];
  let [count, at] = readU32(bytes, section.start);
  const list = [];
  for (let i = 0; i < count; i++) {
    let module;
    let field;
    [module, at] = readName(bytes, at);
    [field, at] = readName(bytes, at);
    const kind = bytes[at++];
    const described = at;
    if (kind === KIND_FUNC) at = readU32(bytes, at)[1];
    else if (kind === KIND_TABLE) at = skipLimits(bytes, at + 1);
    else if (kind === KIND_MEMORY) at = skipLimits(bytes, at);
    else if (kind === KIND_GLOBAL) at += 2;
    else throw new Error(`finish-dist: a wasm part imports ${module}.${field} of unknown kind ${kind}`);
    list.push({ module, field, kind, description: bytes.subarray(described, at) });
  }
  return list;
}

function hasExports(bytes) {
  return sections(bytes).some((s) => s.id === EXPORT_SECTION);
}

// `bytes` with section `id` replaced by `body` (an array of bytes), or
// removed when `body` is null.
function withSection(bytes, id, body) {
  const rank = (sectionId) => SECTION_ORDER.indexOf(sectionId);
  const out = [...bytes.subarray(0, 8)];
  let placed = body === null;
  for (const section of sections(bytes)) {
    if (section.id === id) continue;
    if (!placed && section.id !== 0 && rank(section.id) > rank(id)) {
      out.push(id, ...u32(body.length), ...body);
      placed = true;
    }
    out.push(...bytes.subarray(section.head, section.end));
  }
  if (!placed) out.push(id, ...u32(body.length), ...body);
  return Uint8Array.from(out);
}

/** The wasm-merge name of the `index`th module given to it (`linkable`'s order). */
export const moduleName = (index) => `part${index}`;

/**
 * The modules, in order, made ready for wasm-merge (each named by
 * `moduleName`): an import shared by several is kept by the first and
 * re-exported by it, and the others import it from there. Throws for a
 * module with exports of its own, which a chunk never has.
 */
export function linkable(modules) {
  const providers = new Map();
  return modules.map((bytes, index) => {
    if (hasExports(bytes)) throw new Error('finish-dist: a wasm-split chunk has exports; it cannot be joined');
    const imports = importsOf(bytes);
    const seenOfKind = [0, 0, 0, 0];
    const reexports = [];
    let linked = false;
    const entries = imports.map(({ module, field, kind, description }) => {
      const ofKind = seenOfKind[kind]++;
      const key = `${module}\u0000${field}`;
      const provider = providers.get(key);
      if (provider) {
        linked = true;
        return [...name(provider.module), ...name(provider.field), kind, ...description];
      }
      const exported = `shared${providers.size}`;
      providers.set(key, { module: moduleName(index), field: exported });
      reexports.push([...name(exported), kind, ...u32(ofKind)]);
      return [...name(module), ...name(field), kind, ...description];
    });
    let out = bytes;
    if (linked) out = withSection(out, IMPORT_SECTION, [...u32(entries.length), ...entries.flat()]);
    if (reexports.length && index < modules.length - 1) {
      out = withSection(out, EXPORT_SECTION, [...u32(reexports.length), ...reexports.flat()]);
    }
    return out;
  });
}

/** The joined module without the re-exports `linkable` added. */
export function withoutExports(bytes) {
  return withSection(bytes, EXPORT_SECTION, null);
}
