// Moving the world's clock, as `orgsim clock` and the page's clock buttons both do: in one
// transaction that refuses a time with no ISO-8601 form, then ends what time has ended.
import { ArgParseError } from '../errors/classes.js';
import type { OrgState } from '../model/types.js';
import { MAX_WORLD_TIME_MS } from '../model/limits.js';
import type { Clock, IdGenerator } from '../service/context.js';
import { worldNow } from '../service/context.js';
import { sweep } from '../service/lifecycle.js';
import type { Store } from '../store/store.js';

export function moveClock(store: Store, clock: Clock, ids: IdGenerator, apply: (state: OrgState) => void): OrgState {
  return store.transact((s) => {
    apply(s);
    // Checked before anything is stored: a time with no ISO-8601 form would break every later command.
    const worldTime = worldNow(s, clock);
    if (!Number.isSafeInteger(s.ClockOffsetMs) || !(worldTime >= 0 && worldTime <= MAX_WORLD_TIME_MS)) {
      throw new ArgParseError(`the world time would be ${worldTime > 0 ? 'after 9999-12-31T23:59:59Z' : 'before 1970-01-01T00:00:00Z'}; orgsim keeps times between those`);
    }
    // Time has moved: what expired or must be deleted by now goes at once.
    sweep(s, worldNow(s, clock) / 1000, ids);
    return { write: true, result: s };
  });
}
