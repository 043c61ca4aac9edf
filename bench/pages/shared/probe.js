// In-page instrumentation shared by every bench page. It imports nothing, so the React 17 (widget) and React 19
// (voucherkit) bundles carry the same code and are measured the same way. The runner reads `window.__probe`.
const inBrowser = typeof window !== 'undefined';

/** @typedef {{ start: number, applied: number, painted: number }} Interaction */

/** The page's probe, or null during server rendering (B6 renders the same App with renderToString). */
export const probe = inBrowser ? (window.__probe ??= createProbe()) : null;

function createProbe() {
  const p = {
    /** Profiler callbacks (profiling builds only): region id, phase, when it was called. */
    commits: [],
    /** Every keydown, captured before any handler of the page, so a commit can be attributed to its keystroke. */
    keys: [],
    /** Every layout-shift entry, hadRecentInput included (on loopback every shift follows input). */
    shifts: [],
    /** Enter → applied state in the DOM → the next animation frame (B4). */
    interactions: [],
    /** Named timestamps (B6: hydrateRoot called, field hydrated). */
    marks: {},
    /** Times the provider's context value changed identity (B3). */
    providerValueChanges: 0,
    /** The context fields that differed at each of those changes. */
    providerValueChangedKeys: [],
    recoverableErrors: [],
    /** CSS selector of the applied state; each page sets its own (see setAppliedSelector). */
    appliedSelector: null,
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      // What moved and by how much: B5 names the cause of a shift, not only its score.
      const sources = (e.sources ?? []).map((s) => ({
        node: describe(s.node),
        dy: s.currentRect.y - s.previousRect.y,
        dh: s.currentRect.height - s.previousRect.height,
      }));
      p.shifts.push({ value: e.value, hadRecentInput: e.hadRecentInput, startTime: e.startTime, sources });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  // Capture phase on window: runs before React's root listener and before the widget's implicit form submission.
  window.addEventListener(
    'keydown',
    (event) => {
      const t = performance.now();
      p.keys.push({ key: event.key, t });
      if (event.key === 'Enter') watchApplied(p, t);
    },
    true,
  );
  return p;
}

/** `tag.class` or `tag[aria-label]` of a shifted node, for the report. */
function describe(node) {
  if (!node || node.nodeType !== 1) return node ? '#text' : '(gone)';
  const cls = node.getAttribute('class');
  const label = node.getAttribute('aria-label');
  return `${node.tagName.toLowerCase()}${cls ? `.${cls.split(' ')[0]}` : ''}${label ? `[${label}]` : ''}`;
}

/** Records Enter → applied → next frame, only when the applied state is absent at Enter (a real transition). */
function watchApplied(p, start) {
  // A newer Enter supersedes the previous one (a rejected code then a valid one): one interaction per Enter.
  p.stopWatching?.();
  const selector = p.appliedSelector;
  if (!selector || document.querySelector(selector)) return;
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    p.stopWatching = undefined;
  };
  const observer = new MutationObserver(() => {
    if (!document.querySelector(selector)) return;
    stop();
    const applied = performance.now();
    // The frame that paints the mutation: its rAF callback runs just before style, layout and paint.
    requestAnimationFrame(() => p.interactions.push({ start, applied, painted: performance.now() }));
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  const timer = setTimeout(stop, 15000);
  p.stopWatching = stop;
}

/** Which DOM state counts as "applied" on this page. */
export function setAppliedSelector(selector) {
  if (probe) probe.appliedSelector = selector;
}

/** `<Profiler onRender>`: called by React in profiling and development builds only. */
export function onRender(id, phase, actualDuration, _baseDuration, _startTime, commitTime) {
  probe?.commits.push({ id, phase, actualDuration, commitTime, at: performance.now() });
}

/** A named timestamp, kept from its first call. */
export function mark(name) {
  if (probe && probe.marks[name] === undefined) probe.marks[name] = performance.now();
}
