// The frame of every page: skip link, banner with the navigation and the session, and the main landmark.
import { view } from '../view.js';
import type { ComponentChildren } from 'preact';
import { config } from '../config.js';

const NAV = [
  { href: '/console/events', label: 'Events', match: '/console/events' },
  { href: '/console/deliveries', label: 'Deliveries', match: '/console/deliveries' },
  { href: '/console/playground', label: 'Mapping playground', match: '/console/playground' },
  { href: '/console/health', label: 'Health', match: '/console/health' },
];

export function Layout({ path, children }: { path: string; children: ComponentChildren }) {
  return view`
    <a class="skip-link" href="#main">Skip to content</a>
    <header class="banner">
      <div class="banner-inner">
        <a class="brand" href="/console/events"
          ><span class="brand-mark" aria-hidden="true">◉</span> Closeloop</a
        >
        <nav aria-label="Console">
          <ul class="nav">
            ${NAV.map(
              (n) =>
                view`<li>
                  <a href=${n.href} aria-current=${path.startsWith(n.match) ? 'page' : undefined}
                    >${n.label}</a
                  >
                </li>`,
            )}
          </ul>
        </nav>
        <div class="session">
          <span class=${`badge ${config.role === 'admin' ? 'tone-info' : 'tone-wait'}`}
            >${config.role === 'admin' ? 'Admin' : 'Read-only'}</span
          >
          <form method="post" action="/console/logout">
            <button type="submit" class="link-button">Log out</button>
          </form>
        </div>
      </div>
    </header>
    <main id="main" tabindex="-1">${children}</main>
  `;
}
