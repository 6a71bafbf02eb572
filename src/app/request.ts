// A request as botocore puts it on the wire: timestamps as whole epoch seconds (its
// unixtimestamp format drops the fraction), everything else as given.
import { shapeOf } from '../model/shapes.js';
import { parseTimestampInput } from './timestamps.js';

export function serializeRequest(value: unknown, shapeName: string): unknown {
  const shape = shapeOf(shapeName);
  switch (shape.type) {
    case 'timestamp': {
      const seconds = parseTimestampInput(value);
      return seconds === undefined ? value : Math.floor(seconds);
    }
    case 'structure': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
      const out: Record<string, unknown> = {};
      for (const [key, member] of Object.entries(value)) {
        const ref = Object.hasOwn(shape.members, key) ? shape.members[key] : undefined;
        Object.defineProperty(out, key, { value: ref ? serializeRequest(member, ref.shape) : member, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case 'list':
      return Array.isArray(value) ? value.map((item) => serializeRequest(item, shape.member)) : value;
    default:
      return value;
  }
}
