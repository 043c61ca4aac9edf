// Client entry of the strict-CSP page: hydrates the server's markup with the same App and config. The config comes
// from data attributes (no inline script: `script-src 'self'` would refuse it).
import { hydrateRoot } from 'react-dom/client';
import { App, type CspPageConfig } from './App.js';

const root = document.getElementById('root')!;
const config: CspPageConfig = {
  apiUrl: root.dataset.apiUrl!,
  clientApplicationId: root.dataset.clientApplicationId!,
  clientToken: root.dataset.clientToken!,
};
const w = window as unknown as { __recoverableErrors: string[]; __hydrated?: boolean };
w.__recoverableErrors = [];
hydrateRoot(root, <App config={config} fieldStyle={root.dataset.fieldStyle === 'true'} />, {
  // A mismatch makes React throw the server markup away and render anew: the test must see it, not pass by it.
  onRecoverableError: (error) => w.__recoverableErrors.push(String(error)),
});
w.__hydrated = true;
