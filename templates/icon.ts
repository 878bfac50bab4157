import { html, type SafeHtml } from './html';

/**
 * The product's icon: an anchor inside a seal ring, in the Commission's blue. It travels inside each
 * page as a data: URI rather than from a route: a browser then asks for no `/favicon.ico` (which
 * would answer 404, or cost an API request and a Lambda invocation per page view on AWS), and the
 * local stack and AWS serve it the same way. Each page's Content-Security-Policy allows `data:`
 * images for it; an SVG used as an image runs no script.
 */
const ICON_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
  + '<circle cx="16" cy="16" r="15" fill="#003399"/><circle cx="16" cy="16" r="12.5" fill="none" stroke="#ffcc00" stroke-width="1.5"/>'
  + '<g fill="none" stroke="#fff" stroke-width="2.2" stroke-linecap="round"><circle cx="16" cy="9" r="2.2"/><path d="M16 11.2V24M11.5 14.5h9M9 18.5c1 3.5 4 5.5 7 5.5s6-2 7-5.5"/></g></svg>';

export const ICON_DATA_URI = `data:image/svg+xml,${encodeURIComponent(ICON_SVG)}`;

/** The `<link rel="icon">` every page's head carries. */
export function iconLink(): SafeHtml {
  return html`<link rel="icon" type="image/svg+xml" href="${ICON_DATA_URI}">`;
}
