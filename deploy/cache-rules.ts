/**
 * How long browsers and the CDN keep each file, the same for CloudFront (deploy/site-stack.ts) and nginx
 * (deploy/nginx-conf.ts). Files under /assets/ are named by their content (vite's hashes): a new build makes
 * new names, so they never need revalidating. index.html, config.json, theme.css and the other unhashed files
 * keep their names: every load revalidates them (a conditional request), so a new config or theme takes
 * effect on the next load.
 */
export const ASSETS_PREFIX = '/assets/';
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';
/** The files a deployment changes in place, invalidated on the CDN after each upload. */
export const REVALIDATED_FILES = ['/index.html', '/config.json', '/theme.css'] as const;
