// A service response as the CLI holds it: members in the model's order, timestamps as local ISO strings.
import { shapeOf } from '../model/shapes.js';
import { isoLocal } from './timestamps.js';

export function parseResponse(value: unknown, shapeName: string): unknown {
  const shape = shapeOf(shapeName);
  if (value === undefined || value === null) return value;
  switch (shape.type) {
    case 'structure': {
      const source = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [member, ref] of Object.entries(shape.members)) {
        if (source[member] !== undefined) out[member] = parseResponse(source[member], ref.shape);
      }
      return out;
    }
    case 'list':
      return (value as unknown[]).map((item) => parseResponse(item, shape.member));
    case 'timestamp':
      return typeof value === 'number' ? isoLocal(value) : value;
    default:
      return value;
  }
}
