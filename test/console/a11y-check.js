// Runs inside the page (page.evaluate of this file's text): lists basic accessibility problems.
/* global document */
(() => {
  const problems = [];
  const text = (id) => (id ? (document.getElementById(id)?.textContent ?? '') : '');
  const name = (el) => {
    const aria = el.getAttribute('aria-label') ?? '';
    const by = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).map(text).join(' ');
    const labels = el.labels ? [...el.labels].map((l) => l.textContent ?? '').join(' ') : '';
    const own = el.tagName === 'BUTTON' || el.tagName === 'A' ? (el.textContent ?? '') : '';
    return `${aria} ${by} ${labels} ${own}`.trim();
  };
  if (document.querySelectorAll('main').length !== 1) problems.push('expected exactly one <main>');
  if (document.querySelectorAll('h1').length !== 1) problems.push('expected exactly one <h1>');
  for (const nav of document.querySelectorAll('nav'))
    if (!name(nav)) problems.push('a <nav> without a label');
  for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea, button, a')) {
    if (!name(el)) problems.push(`${el.tagName.toLowerCase()}#${el.id || '?'} has no accessible name`);
  }
  for (const t of document.querySelectorAll('table')) {
    if (!t.querySelector('th')) problems.push('a table without header cells');
  }
  for (const th of document.querySelectorAll('thead th')) {
    if (th.getAttribute('scope') !== 'col')
      problems.push(`column header "${th.textContent}" without scope="col"`);
  }
  return problems;
})();
