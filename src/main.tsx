import { startEarly } from './early-start';

// The first thing that runs: the config and the catalog are requested now, while the rest of the app (which
// index.html already preloads) arrives and evaluates; src/app/start.tsx then renders. See
// docs/decisions/010-first-screen-without-a-serial-start-up.md.
const early = startEarly();
void import('./app/start').then(({ start }) => start(early));
