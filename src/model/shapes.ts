// The Organizations and STS APIs' shapes (generated; STS's named `sts.<Shape>`), and the lookups every layer uses.
import { ORGANIZATIONS_SHAPES } from './generated/organizations-shapes.js';
import { STS_SHAPES } from './generated/sts-shapes.js';
import type { Shape } from './shape.js';

export type { MemberRef, Shape } from './shape.js';

// Looked up in each table rather than in one merged copy: merging costs every command start-up time.
const TABLES: readonly Readonly<Record<string, string>>[] = [ORGANIZATIONS_SHAPES, STS_SHAPES];
/** Each shape parsed from its JSON text when first looked up, then the same object every time. */
const parsed = new Map<string, Shape>();

export function shapeOf(name: string): Shape {
  let shape = parsed.get(name);
  if (!shape) {
    const text = TABLES.find((table) => Object.hasOwn(table, name))?.[name];
    if (text === undefined) throw new Error(`unknown shape ${name}`);
    shape = JSON.parse(text) as Shape;
    parsed.set(name, shape);
  }
  return shape;
}

/** A string shape's pattern as a JavaScript expression (the model's patterns use \p{...} classes). */
export function patternOf(name: string): RegExp {
  const shape = shapeOf(name);
  if (shape.type !== 'string' || shape.pattern === undefined) throw new Error(`shape ${name} has no pattern`);
  return new RegExp(shape.pattern, 'u');
}

/** A numeric or string shape's upper limit. */
export function maxOf(name: string): number {
  const shape = shapeOf(name) as { max?: number };
  if (shape.max === undefined) throw new Error(`shape ${name} has no maximum`);
  return shape.max;
}
