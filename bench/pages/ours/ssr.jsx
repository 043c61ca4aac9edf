// Server half of B6: the same App rendered to a string, as a framework would on each request.
import { renderToString } from 'react-dom/server';
import { App } from './App.jsx';

/** The markup for `config` (must be the config the client reads from the page's query string). */
export function render(config) {
  return renderToString(<App config={config} />);
}
