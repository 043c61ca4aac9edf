import { newId } from '../state/ids.js';
import { sessionTtlProblem } from './payloadNumbers.js';
import type { SandboxSession, SandboxSessionTtlUnit, SandboxState, SandboxVoucher } from '../types.js';

/** Milliseconds per `ttl_unit`; the spec's enum, with the 7-day default of its examples. */
const unitMs: Record<SandboxSessionTtlUnit, number> = {
  DAYS: 86_400_000,
  HOURS: 3_600_000,
  MINUTES: 60_000,
  SECONDS: 1000,
  MILLISECONDS: 1,
  MICROSECONDS: 1e-3,
  NANOSECONDS: 1e-6,
};

/** The LOCK a request asks for: its key (generated when absent) and how long it holds. */
export interface SessionLockRequest {
  key: string | undefined;
  ttl: number;
  ttl_unit: SandboxSessionTtlUnit;
}

/** What a session holds on one code: one use, and the gift credits (0 for a discount voucher). */
export interface SessionHold {
  code: string;
  credits: number;
}

/** Uses and gift credits live sessions hold on a code. */
export interface Held {
  uses: number;
  credits: number;
}

const shown = (value: unknown) => (JSON.stringify(value) ?? String(value)).slice(0, 40);

/**
 * Reads a request's session (`session` in a body, or the `session_*` query of GET /client/v1/validate): the LOCK
 * it asks for, undefined when it asks for none (no `type: 'LOCK'`), or why it is invalid, naming the field
 * (`prefix` is `session.` or `session_`).
 *
 * @example
 * readSessionLock({ type: 'LOCK', ttl: 15, ttl_unit: 'MINUTES' }, 'session.') // { key: undefined, ttl: 15, ttl_unit: 'MINUTES' }
 */
export function readSessionLock(input: unknown, prefix: 'session.' | 'session_'): SessionLockRequest | undefined | string {
  if (input === undefined || input === null) return undefined;
  if (typeof input !== 'object' || Array.isArray(input)) return 'session must be an object';
  const session = input as Record<string, unknown>;
  const ttlProblem = sessionTtlProblem(session.ttl, `${prefix}ttl`);
  if (ttlProblem) return ttlProblem;
  const unit = session.ttl_unit;
  if (unit !== undefined && unit !== null && !(typeof unit === 'string' && Object.hasOwn(unitMs, unit))) {
    return `${prefix}ttl_unit must be one of ${Object.keys(unitMs).join(', ')}, got ${shown(unit)}`;
  }
  const key = session.key;
  if (key !== undefined && key !== null && (typeof key !== 'string' || key === '')) {
    return `${prefix}key must be a non-empty string, got ${shown(key)}`;
  }
  if (session.type !== 'LOCK') return undefined;
  return {
    key: typeof key === 'string' ? key : undefined,
    ttl: typeof session.ttl === 'number' ? session.ttl : 7,
    ttl_unit: typeof unit === 'string' ? (unit as SandboxSessionTtlUnit) : 'DAYS',
  };
}

/** The session key a request sends (to overwrite its session, or to redeem what it holds), if any. */
export function sessionKeyOf(session: unknown): string | undefined {
  const key = session && typeof session === 'object' ? (session as { key?: unknown }).key : undefined;
  return typeof key === 'string' && key !== '' ? key : undefined;
}

const isLive = (session: SandboxSession, now: number) => session.expires_at > now;

/** Uses and credits that live sessions other than `exceptKey` hold on `code`: what a request cannot take. */
export function heldOn(state: SandboxState, now: number, code: string, exceptKey?: string): Held {
  const held: Held = { uses: 0, credits: 0 };
  for (const session of state.sessions.values()) {
    if (session.key === exceptKey || !isLive(session, now)) continue;
    const hold = session.holds.get(code);
    if (!hold) continue;
    held.uses += 1;
    held.credits += hold.credits;
  }
  return held;
}

/** Lapsed sessions go on every write, so a sandbox that runs for days keeps only the live ones. */
function dropLapsed(state: SandboxState, now: number): void {
  for (const [key, session] of state.sessions) if (!isLive(session, now)) state.sessions.delete(key);
}

/**
 * Establishes (or, for a key already in use, overwrites) a LOCK session holding `holds`, and returns the
 * session as validation responses echo it.
 */
export function lockSession(state: SandboxState, now: number, request: SessionLockRequest, holds: readonly SessionHold[]): Record<string, unknown> {
  dropLapsed(state, now);
  const key = request.key ?? newId('ssn');
  state.sessions.set(key, {
    key,
    type: 'LOCK',
    ttl: request.ttl,
    ttl_unit: request.ttl_unit,
    expires_at: now + request.ttl * unitMs[request.ttl_unit],
    holds: new Map(holds.map((hold) => [hold.code, { credits: hold.credits }])),
  });
  return { key, type: 'LOCK', ttl: request.ttl, ttl_unit: request.ttl_unit };
}

/** Ends the hold session `key` has on `code` (a redeem consumed it, or DELETE released it); false when there is none. */
export function endHold(state: SandboxState, now: number, key: string, code: string): boolean {
  dropLapsed(state, now);
  const session = state.sessions.get(key);
  if (!session || !session.holds.delete(code)) return false;
  if (session.holds.size === 0) state.sessions.delete(key);
  return true;
}

/** An applicable redeemable, as far as a hold needs it. */
interface HeldEntry {
  request: { id: string; gift?: { credits?: number } };
  voucher: SandboxVoucher | undefined;
  discount: number;
}

/**
 * What a LOCK holds for a stack: one hold per applied voucher. Promotion tiers have no uses to hold, and SKIPPED
 * or INAPPLICABLE entries hold nothing.
 */
export function holdsFor(entries: ReadonlyArray<HeldEntry & { status: string }>): SessionHold[] {
  return entries.filter((entry) => entry.status === 'APPLICABLE' && entry.voucher).map(holdFor);
}

/**
 * What a LOCK holds for an applicable redeemable: one use, and the credits a gift card applies, which are the
 * requested credits bounded by the free balance and the amount due (credits asked beyond the order are not held).
 */
export function holdFor(entry: HeldEntry): SessionHold {
  return { code: entry.request.id, credits: entry.voucher?.gift ? entry.discount : 0 };
}
