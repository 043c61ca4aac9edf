// Client entry of the widget's bench page, React 17 style (ReactDOM.render, as its README shows).
import { StrictMode } from 'react';
import { render } from 'react-dom';
import '@voucherify/react-widget/dist/voucherify.css';
import { readConfig } from '../shared/cart.js';
import { App } from './App.jsx';

const app = <App config={readConfig(location.search)} />;
render(__STRICT_MODE__ ? <StrictMode>{app}</StrictMode> : app, document.getElementById('root'));
