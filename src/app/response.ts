// A service response as the CLI holds it: members in the model's order, timestamps as local ISO strings.
import { shapeOf } from '../model/shapes.js';
import { isoLocal, isoUtc } from './timestamps.js';

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
      // The JSON protocol sends epoch seconds, which botocore reads in the local zone; STS's XML
      // sends ISO 8601 in UTC, which it keeps in UTC (organization.md R-254).
      if (typeof value !== 'number') return value;
      return shapeName.startsWith('sts.') ? isoUtc(value) : isoLocal(value);
    default:
      return value;
  }
}
