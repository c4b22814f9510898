import type { Plugin } from 'vite';

/** react-router's own built files (development or production build). */
const REACT_ROUTER_DIST = /[\\/]node_modules[\\/]react-router[\\/]dist[\\/]/;

/** `var Link = React10.forwardRef(` at the top level of a module. */
const TOP_LEVEL_FORWARD_REF = /^((?:var|let|const) [\w$]+ = )(React\d*\.forwardRef\()/gm;
/** `Link.displayName = "Link";` on a line of its own at the top level. */
const TOP_LEVEL_DISPLAY_NAME = /^[\w$]+\.displayName = "[\w.]+";$/gm;

/**
 * Lets the build leave out the react-router components the app never renders (NavLink, Form, …). react-router
 * defines them with top-level `React.forwardRef(…)` calls and then sets their `displayName`: to a bundler both
 * are statements that may have effects, so every component stays in, with what it uses. In react-router's own
 * files only, this marks those calls pure and drops the `displayName` lines (a name only React's developer tools
 * show), so that tree-shaking keeps what the app imports. Measured: −1.8 KB gzip on the first page
 * (docs/decisions/011-first-page-without-react-hook-form-in-one-chunk.md). A react-router build written
 * differently is left as it is.
 */
export function pureReactRouterPlugin(): Plugin {
  return {
    name: 'app-pure-react-router',
    apply: 'build',
    transform: {
      filter: { id: REACT_ROUTER_DIST },
      handler(code) {
        const annotated = markForwardRefsPure(code);
        return annotated === code ? null : { code: annotated, map: null };
      },
    },
  };
}

/** The transform itself, for its test. */
export function markForwardRefsPure(code: string): string {
  return code.replace(TOP_LEVEL_FORWARD_REF, '$1/* @__PURE__ */ $2').replace(TOP_LEVEL_DISPLAY_NAME, '');
}
