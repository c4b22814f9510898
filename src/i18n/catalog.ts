/**
 * A catalog is nested JSON: objects of objects, strings at the leaves. Each language keeps one file per
 * area (`locales/<language>/auth.json` for the auth layer and the shell, `screens.json` for the screens)
 * and `locales/<language>.ts` merges them into the one `translation` namespace.
 */
export type Catalog = { [key: string]: string | Catalog };

export function isCatalog(value: unknown): value is Catalog {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep merge of area catalogs; a later file's leaf wins, which the areas' distinct prefixes make moot. */
export function mergeCatalogs(parts: readonly Catalog[]): Catalog {
  const merged: Catalog = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      const existing = merged[key];
      merged[key] = isCatalog(existing) && isCatalog(value) ? mergeCatalogs([existing, value]) : value;
    }
  }
  return merged;
}
