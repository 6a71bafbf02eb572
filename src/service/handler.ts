// What every operation's handler is: a function of the world, the request and the call's context.
import type { OrgState } from '../model/types.js';
import type { ServiceContext } from './context.js';
import type { Request } from './input.js';

export type Handler = (state: OrgState, input: Request, ctx: ServiceContext) => object;
