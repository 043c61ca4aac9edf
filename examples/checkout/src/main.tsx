import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'voucherkit/styles.css';
import './shop.css';
import './cart.css';
import './summary.css';
import { App } from './App.js';
import { loadConfig } from './orderApi.js';

const root = createRoot(document.getElementById('root')!);

loadConfig().then(
  (config) =>
    root.render(
      <StrictMode>
        <App config={config} />
      </StrictMode>,
    ),
  (error: unknown) =>
    root.render(
      <main className="shop-boot-error">
        <h1>The demo could not start</h1>
        <p>{error instanceof Error ? error.message : String(error)}</p>
      </main>,
    ),
);
