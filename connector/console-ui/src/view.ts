// The template tag for markup (htm bound to Preact). It is deliberately not called `html`: Prettier reflows
// templates tagged `html` as if they were HTML, where a line break is a space; htm drops whitespace that
// contains a line break, so the reflow would silently glue words together.
import { html } from 'htm/preact';

export const view = html;
export { render } from 'htm/preact';
