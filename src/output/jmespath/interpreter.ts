// jmespath.py's tree interpreter: what each node of a parsed expression makes of a value.
import { numeric } from '../python-float.js';
import { FRAME_BUDGET, searchTooDeep } from './errors.js';
import { callFunction } from './functions.js';
import type { Node } from './parser.js';
import { Expref, isDict, isFalse, isNumber, pyEquals, pyOrder, pySlice, type Dict, type Ordering } from './python.js';

/** ==, with jmespath.py's one exception: 0 and 1 never equal a bool at the top. */
function jmesEquals(a: unknown, b: unknown): boolean {
  const zeroOrOne = (v: unknown) => isNumber(v) && (numeric(v) === 0 || numeric(v) === 1);
  if ((zeroOrOne(a) && typeof b === 'boolean') || (zeroOrOne(b) && typeof a === 'boolean')) return false;
  return pyEquals(a, b);
}

const comparable = (v: unknown) => isNumber(v) || typeof v === 'string';

/** Collects what `right` makes of each item, leaving out None. */
function project(items: Iterable<unknown>, right: Node): unknown[] {
  const out: unknown[] = [];
  for (const item of items) {
    const found = visit(right, item);
    if (found !== null && found !== undefined) out.push(found);
  }
  return out;
}

/** The Python frames jmespath.py's interpreter would be using: visit and its visit_<node>, per level. */
let frames = 0;

export function visit(node: Node, value: unknown): unknown {
  frames += 2;
  try {
    if (frames > FRAME_BUDGET) throw searchTooDeep();
    return visitNode(node, value);
  } finally {
    frames -= 2;
  }
}

function visitNode(node: Node, value: unknown): unknown {
  const [first, second, third] = node.children;
  switch (node.type) {
    case 'subexpression':
    case 'index_expression':
    case 'pipe':
      return node.children.reduce((current, child) => visit(child, current), value);
    case 'field':
      return isDict(value) && Object.hasOwn(value, node.value as string) ? (value[node.value as string] ?? null) : null;
    case 'comparator': {
      const left = visit(first!, value);
      const right = visit(second!, value);
      if (node.value === 'eq') return jmesEquals(left, right);
      if (node.value === 'ne') return !jmesEquals(left, right);
      if (!comparable(left) || !comparable(right)) return null;
      return pyOrder(node.value as Ordering, left, right);
    }
    case 'current':
    case 'identity':
      return value;
    case 'expref':
      return new Expref((item) => visit(first!, item));
    case 'function_expression':
      return callFunction(
        node.value as string,
        node.children.map((child) => visit(child, value)),
      );
    case 'filter_projection': {
      const base = visit(first!, value);
      if (!Array.isArray(base)) return null;
      return project(
        base.filter((item) => !isFalse(visit(third!, item))),
        second!,
      );
    }
    case 'flatten': {
      const base = visit(first!, value);
      if (!Array.isArray(base)) return null;
      return base.flatMap((item) => (Array.isArray(item) ? item : [item]));
    }
    case 'index': {
      if (!Array.isArray(value)) return null;
      const at = node.value as number;
      const item = at < 0 ? value[value.length + at] : value[at];
      return at < -value.length || at >= value.length ? null : (item ?? null);
    }
    case 'slice': {
      if (!Array.isArray(value)) return null;
      const [start, stop, step] = node.value as (number | null)[];
      return pySlice(value, start!, stop!, step!);
    }
    case 'key_val_pair':
      return visit(first!, value);
    case 'literal':
      return node.value;
    case 'multi_select_dict': {
      if (value === null || value === undefined) return null;
      const out: Dict = {};
      for (const pair of node.children) Object.defineProperty(out, pair.value as string, { value: visit(pair, value), enumerable: true, writable: true, configurable: true });
      return out;
    }
    case 'multi_select_list':
      return value === null || value === undefined ? null : node.children.map((child) => visit(child, value));
    case 'or_expression': {
      const left = visit(first!, value);
      return isFalse(left) ? visit(second!, value) : left;
    }
    case 'and_expression': {
      const left = visit(first!, value);
      return isFalse(left) ? left : visit(second!, value);
    }
    case 'not_expression': {
      const inner = visit(first!, value);
      return isNumber(inner) ? false : isFalse(inner);
    }
    case 'projection': {
      const base = visit(first!, value);
      return Array.isArray(base) ? project(base, second!) : null;
    }
    case 'value_projection': {
      const base = visit(first!, value);
      return isDict(base) ? project(Object.values(base), second!) : null;
    }
    default:
      throw new Error(`unknown node ${node.type}`);
  }
}
