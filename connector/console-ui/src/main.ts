// Entry of the console bundle: picks the page from the path and renders it into #app.
import './styles.css';
import { render, view } from './view.js';
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
  if (key) return view`<${EventPage} eventKey=${key} />`;
  if (path === '/console/events') return view`<${EventsPage} />`;
  if (path === '/console/deliveries') return view`<${DeliveriesPage} />`;
  if (path === '/console/playground') return view`<${PlaygroundPage} />`;
  if (path === '/console/health') return view`<${HealthPage} />`;
  return view`<h1 tabindex="-1">Page not found</h1>
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
  return view`<${Layout} path=${loc.path}><${Page} path=${loc.path} /><//>`;
}

const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  interceptLinks(root);
  render(view`<${App} />`, root);
}
