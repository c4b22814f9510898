import { initI18nWithCatalog, loadCatalog } from '../i18n';

/** Tests render with the real English catalogs, so they read what a user reads. Import for its effect. */
initI18nWithCatalog('en', await loadCatalog('en'));
