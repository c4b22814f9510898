import type { Catalog } from '../catalog';
import auth from './ja/auth.json';
import screens from './ja/screens.json';

/** Japanese, every area in one module: loaded with one dynamic import, built into one chunk of data. */
const areas: readonly Catalog[] = [auth, screens];
export default areas;
