// Entry of the console bundle: picks the page from the path and renders it into #app.
import './styles.css';
import { html, render } from 'htm/preact';
import { useEffect } from 'preact/hooks';
import { Layout } from './components/layout.js';
import { eventKeyFromPath, interceptLinks, useLocation } from './router.js';
import { EventsPage } from './pages/events.js';
import { EventPage } from './pages/event.js';
import { DeliveriesPage } from './pages/deliveries.js';
import { PlaygroundPage } from './pages/playground.js';
import { HealthPage } from './pages/health.js';

function Page({ path }: { path: string }) {
  const key = eventKeyFromPath(path);
  if (key) return html`<${EventPage} eventKey=${key} />`;
  if (path === '/console/events') return html`<${EventsPage} />`;
  if (path === '/console/deliveries') return html`<${DeliveriesPage} />`;
  if (path === '/console/playground') return html`<${PlaygroundPage} />`;
  if (path === '/console/health') return html`<${HealthPage} />`;
  return html`<h1 tabindex="-1">Page not found</h1>
    <p><a href="/console/events">Go to the events</a></p>`;
}

let firstRender = true;

function App() {
  const loc = useLocation();
  useEffect(() => {
    // After a navigation (not the first load), move focus to the new page's heading for screen readers.
    if (firstRender) {
      firstRender = false;
      return;
    }
    const h1 = document.querySelector<HTMLElement>('main h1');
    h1?.focus();
    window.scrollTo(0, 0);
  }, [loc.path]);
  return html`<${Layout} path=${loc.path}><${Page} path=${loc.path} /><//>`;
}

const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  interceptLinks(root);
  render(html`<${App} />`, root);
}
