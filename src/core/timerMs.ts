/** The longest delay a timer keeps: Node and browsers run a longer one (a 32-bit signed count of ms) at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** How a millisecond option may be spelled. */
export interface TimerMsRule {
  /** The smallest value accepted (0 for a delay that may be skipped). @default 1 */
  min?: number;
  /** Accept `Infinity`, meaning "no limit". @default false */
  infinite?: boolean;
}

/**
 * Checks a millisecond option that becomes a timer, at the call or at construction: a whole number from `min`
 * to 2^31−1 (or `Infinity` where allowed). A larger one would fire after 1 ms, so a deadline meant as a day would
 * turn into a tight loop. Throws a TypeError naming the option.
 */
export function timerMs(where: string, name: string, value: number, rule: TimerMsRule = {}): number {
  const min = rule.min ?? 1;
  if (rule.infinite && value === Infinity) return value;
  // Number.isInteger is false for anything that is not a number, NaN and ±Infinity included.
  if (!Number.isInteger(value) || value < min || value > MAX_TIMER_MS) {
    // The option is named in every build; the full sentence is a development hint. Two nested ifs, not `&&`: a
    // production bundler then drops the whole block, where `&&` leaves a `typeof process` behind.
    let range = `whole ms ${min}–${MAX_TIMER_MS}`;
    if (typeof process !== 'undefined') {
      if (process.env.NODE_ENV !== 'production') {
        range = `a whole number of milliseconds from ${min} to ${MAX_TIMER_MS}${rule.infinite ? ', or Infinity for no limit' : ''}`;
      }
    }
    throw new TypeError(`${where}: ${name} must be ${range}, got ${String(value)}`);
  }
  return value;
}
