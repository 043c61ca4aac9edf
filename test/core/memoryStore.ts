import type { CookieStore } from 'voucherkit/core';

/** A CookieStore over one variable that records every write and removal, for trackers in tests. */
export function memoryStore(initial: string | null = null) {
  let value = initial;
  const log: Array<['write', string] | ['remove']> = [];
  const store: CookieStore = {
    read: () => value,
    write(next) {
      value = next;
      log.push(['write', next]);
    },
    remove() {
      value = null;
      log.push(['remove']);
    },
  };
  return {
    store,
    log,
    get value() {
      return value;
    },
    /** Every value ever written. */
    get written() {
      return log.flatMap((entry) => (entry[0] === 'write' ? [entry[1]] : []));
    },
  };
}
