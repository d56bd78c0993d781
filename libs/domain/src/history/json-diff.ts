import { isObject } from '../objects/object-meta';
import { formatJsonPointer } from '../patch/json-pointer';
import { deepEqual } from '../patch/json-value';

/** One RFC 6902 operation of a computed diff; only `add`, `remove` and `replace` are produced. */
export type JsonDiffOperation =
  | { op: 'add'; path: string; value: unknown }
  | { op: 'remove'; path: string }
  | { op: 'replace'; path: string; value: unknown };

/** Above this many element pairs an array diff stops aligning elements and compares them index by index. */
const MAX_ALIGNMENT_CELLS = 250_000;

/**
 * An RFC 6902 JSON patch that turns `from` into `to`: applied in order to `from` it yields a value deep-equal to
 * `to`. Objects are compared key by key (keys in sorted order, so the output is deterministic); arrays are aligned
 * on their longest common run of equal elements, and elements changed in place are diffed inside, so that a new
 * image in `containers[0]` reads as one `replace` of `/spec/.../containers/0/image` rather than a whole new list.
 */
export function diffJson(from: unknown, to: unknown): JsonDiffOperation[] {
  const ops: JsonDiffOperation[] = [];
  diffValue(from, to, [], ops);
  return ops;
}

function diffValue(from: unknown, to: unknown, path: string[], ops: JsonDiffOperation[]): void {
  if (deepEqual(from, to)) return;
  if (isObject(from) && isObject(to)) return diffObject(from, to, path, ops);
  if (Array.isArray(from) && Array.isArray(to)) return diffArray(from, to, path, ops);
  ops.push({ op: 'replace', path: formatJsonPointer(path), value: to });
}

function diffObject(from: Record<string, unknown>, to: Record<string, unknown>, path: string[], ops: JsonDiffOperation[]): void {
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])].sort();
  for (const key of keys) {
    const had = Object.prototype.hasOwnProperty.call(from, key);
    const has = Object.prototype.hasOwnProperty.call(to, key);
    const child = [...path, key];
    if (had && !has) ops.push({ op: 'remove', path: formatJsonPointer(child) });
    else if (!had && has) ops.push({ op: 'add', path: formatJsonPointer(child), value: to[key] });
    else diffValue(from[key], to[key], child, ops);
  }
}

/**
 * Walks the aligned pairs left to right, tracking the index each element has in the array as patched so far: in a
 * gap between aligned pairs, elements present on both sides are diffed in place, surplus old ones are removed and
 * surplus new ones inserted.
 */
function diffArray(from: unknown[], to: unknown[], path: string[], ops: JsonDiffOperation[]): void {
  const pairs = [...align(from, to), [from.length, to.length] as const];
  let i = 0;
  let j = 0;
  let at = 0;
  for (const [oi, nj] of pairs) {
    const oldGap = oi - i;
    const newGap = nj - j;
    const common = Math.min(oldGap, newGap);
    for (let t = 0; t < common; t++) diffValue(from[i + t], to[j + t], [...path, String(at++)], ops);
    for (let t = common; t < oldGap; t++) ops.push({ op: 'remove', path: formatJsonPointer([...path, String(at)]) });
    for (let t = common; t < newGap; t++) ops.push({ op: 'add', path: formatJsonPointer([...path, String(at++)]), value: to[j + t] });
    at += 1; // the aligned element itself (the final sentinel pair moves past the end harmlessly)
    i = oi + 1;
    j = nj + 1;
  }
}

/** Index pairs of a longest common subsequence of deep-equal elements, in increasing order. */
function align(from: unknown[], to: unknown[]): (readonly [number, number])[] {
  const n = from.length;
  const m = to.length;
  if (n === 0 || m === 0) return [];
  if (n * m > MAX_ALIGNMENT_CELLS) return [];
  // lengths[i][j]: LCS length of from[i..] and to[j..]
  const lengths: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i][j] = deepEqual(from[i], to[j]) ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
    }
  }
  const pairs: (readonly [number, number])[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (deepEqual(from[i], to[j])) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (lengths[i + 1][j] >= lengths[i][j + 1]) {
      i++;
    } else {
      j++;
    }
  }
  return pairs;
}

/**
 * The distinct paths an operation list touches, as dotted field paths without array indices
 * (`spec.template.spec.containers`), in first-touched order; `''` for a whole-document operation.
 */
export function changedFields(ops: readonly JsonDiffOperation[]): string[] {
  const seen = new Set<string>();
  for (const op of ops) {
    const tokens = op.path === '' ? [] : op.path.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
    const named: string[] = [];
    for (const t of tokens) {
      if (/^(0|[1-9][0-9]*)$/.test(t)) break;
      named.push(t);
    }
    seen.add(named.join('.'));
  }
  return [...seen];
}
