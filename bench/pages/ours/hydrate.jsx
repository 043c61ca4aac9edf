// Client entry of the server-rendered page (B6): hydrates the markup renderToString produced from the same App.
import { hydrateRoot } from 'react-dom/client';
import 'voucherkit/styles.css';
import { readConfig } from '../shared/cart.js';
import { mark, probe } from '../shared/probe.js';
import { App } from './App.jsx';

mark('hydrateRoot');
hydrateRoot(document.getElementById('root'), <App config={readConfig(location.search)} />, {
  // A mismatch makes React discard the server markup and render again on the client: B6 must see it.
  onRecoverableError: (error) => probe.recoverableErrors.push(String(error)),
});
