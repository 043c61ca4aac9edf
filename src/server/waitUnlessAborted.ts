/**
 * Waits for `work` until the caller's `signal` aborts, then rejects with its reason, while `work` itself runs on:
 * a redeem that was sent must finish (and be recorded) even when the shopper who asked for it has left.
 * `onAbort` runs once, when this caller stops waiting.
 *
 * @example
 * return waitUnlessAborted(sendRedeem(…), params.signal) // the request is never aborted by the caller
 */
export function waitUnlessAborted<T>(work: Promise<T>, signal: AbortSignal | undefined, onAbort?: () => void): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const stop = () => {
      onAbort?.();
      reject(signal.reason);
    };
    // Settled either way, so a result nobody waits for any more is never an unhandled rejection.
    work.then(
      (value) => {
        signal.removeEventListener('abort', stop);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', stop);
        reject(error);
      },
    );
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
  });
}
