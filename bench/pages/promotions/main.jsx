// Client entry of voucherkit's promotions page. `__STRICT_MODE__` is defined by the bench's Vite config: true only in
// the development build of B2's StrictMode column.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'voucherkit/styles.css';
import 'voucherkit/promotions.css';
import { readConfig } from '../shared/cart.js';
import { App } from './App.jsx';

const app = <App config={readConfig(location.search)} />;
createRoot(document.getElementById('root')).render(__STRICT_MODE__ ? <StrictMode>{app}</StrictMode> : app);
