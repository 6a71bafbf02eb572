// How much of a file the store will read: larger worlds are refused rather than read into memory.
export const MAX_STATE_BYTES = 1 << 30;
