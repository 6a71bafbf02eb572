// Width in terminal cells as the AWS CLI measures it: East Asian W, F and A count as 2.
import { WIDE_RANGES } from './east-asian-width.js';

function isWide(codePoint: number): boolean {
  let lo = 0;
  let hi = WIDE_RANGES.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (codePoint < WIDE_RANGES[mid * 2]!) hi = mid - 1;
    else if (codePoint > WIDE_RANGES[mid * 2 + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

export function cellWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return width;
}
