// What every browser section shares: the Chromium instance, the pages' origin and the counting sandbox.

/**
 * @typedef {object} BenchSession
 * @property {import('playwright-core').Browser} browser
 * @property {string} origin origin of the static server holding every built page
 * @property {{ url: string, take(): { requests: number, preflights: number, log: Array<{ method: string, path: string }> }, setFaults(faults: unknown): void }} sandbox
 * @property {Map<string, () => string>} overrides generated documents served by path (B6)
 * @property {string} ssrModule path of the built server renderer (B6)
 */
export {};
