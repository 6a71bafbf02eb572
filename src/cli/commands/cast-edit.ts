// One edit of the world's cast (accounts add, profiles add) in one transaction: a refusal is a
// usage error, and the world is then left as it was.
import type { Session } from '../../app/session.js';
import { ParamValidationError } from '../../errors/classes.js';
import type { OrgState } from '../../model/types.js';
import { CastEditRefused } from '../../service/profiles.js';

export function editCast<T>(session: Session, edit: (state: OrgState) => T): T {
  return session.edit((state) => {
    try {
      return edit(state);
    } catch (error) {
      if (error instanceof CastEditRefused) throw new ParamValidationError(error.message);
      throw error;
    }
  });
}
