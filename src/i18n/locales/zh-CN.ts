import type { Catalog } from '../catalog';
import auth from './zh-CN/auth.json';
import screens from './zh-CN/screens.json';

/** Simplified Chinese, every area in one module: loaded with one dynamic import, built into one chunk of data. */
const areas: readonly Catalog[] = [auth, screens];
export default areas;
