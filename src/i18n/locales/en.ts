import type { Catalog } from '../catalog';
import auth from './en/auth.json';
import screens from './en/screens.json';

/** English, every area in one module: loaded with one dynamic import, built into one chunk of data. */
const areas: readonly Catalog[] = [auth, screens];
export default areas;
