import { timerMs } from '../core/internal.js';
import { redeemGuardError } from './redeemGuardError.js';
import type { PendingRecord, RedeemRecord, RedeemStore } from './redeemStore.js';

/** The redeem store as `createRedeemOnce` calls it: every call async, bounded by a deadline, with typed failures. */
export interface StoreCalls {
  claim(orderId: string, record: PendingRecord): Promise<RedeemRecord | undefined>;
  save(orderId: string, record: RedeemRecord, owner: string): Promise<boolean>;
  release(orderId: string, owner: string): Promise<boolean>;
  get(orderId: string): Promise<RedeemRecord | undefined>;
}

/**
 * Wraps a store so no call can hang a checkout: past `storeTimeoutMs` a call rejects with `store_unavailable`
 * (the call itself may still land; every write is owned, so a late one can only touch this run's own record).
 * A store error that is not already typed becomes `store_unavailable` too, with the store's error as its cause.
 */
export function storeCalls(store: RedeemStore, storeTimeoutMs: number): StoreCalls {
  if (!store || ['claim', 'save', 'release', 'get'].some((method) => typeof store[method as keyof RedeemStore] !== 'function')) {
    throw new TypeError('createRedeemOnce: the store needs claim, save, release and get (see RedeemStore)');
  }
  const deadline = timerMs('createRedeemOnce', 'storeTimeoutMs', storeTimeoutMs);
  function bounded<T>(what: string, orderId: string, call: () => T | Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(redeemGuardError('store_unavailable', `The redeem store did not answer ${what} for order ${JSON.stringify(orderId)} within ${deadline} ms`)),
        deadline,
      );
    });
    const work = (async () => call())().catch((error: unknown) => {
      if (error instanceof Error && 'kind' in error) throw error;
      throw redeemGuardError('store_unavailable', `The redeem store failed ${what} for order ${JSON.stringify(orderId)}`, undefined, error);
    });
    return Promise.race([work, late]).finally(() => clearTimeout(timer));
  }
  return {
    claim: (orderId, record) => bounded('a claim', orderId, () => store.claim(orderId, record)),
    save: (orderId, record, owner) => bounded('a save', orderId, () => store.save(orderId, record, owner)),
    release: (orderId, owner) => bounded('a release', orderId, () => store.release(orderId, owner)),
    get: (orderId) => bounded('a read', orderId, () => store.get(orderId)),
  };
}
