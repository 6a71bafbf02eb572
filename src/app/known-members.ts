// What a request over the wire carries beyond its operation's input shape is not part of the call:
// the service ignores unknown members, so they are dropped before the call runs (and is logged).
import { shapeOf } from '../model/shapes.js';

/** `value` with only the members the model's shape `shapeName` declares, at every depth. */
export function knownMembers(value: unknown, shapeName: string): unknown {
  const shape = shapeOf(shapeName);
  if (shape.type === 'structure') {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const kept: Record<string, unknown> = {};
    for (const [name, member] of Object.entries(shape.members)) {
      if (Object.hasOwn(value, name)) kept[name] = knownMembers((value as Record<string, unknown>)[name], member.shape);
    }
    return kept;
  }
  if (shape.type === 'list') return Array.isArray(value) ? value.map((item) => knownMembers(item, shape.member)) : value;
  if (shape.type === 'map') {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, knownMembers(v, shape.value)]));
  }
  return value;
}
