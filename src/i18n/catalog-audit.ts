import { isCatalog, type Catalog } from './catalog';

/**
 * Checks that keep the catalogs honest: every language has every key English has (with the plural forms
 * its own grammar needs), the same placeholders, Japanese and Chinese spaced one way, and no key the code
 * never asks for. Used by catalogs.test.ts; pure functions so that the checks themselves are tested on small
 * catalogs.
 */

/** Dotted key → text, e.g. `errors.passwordPolicy.minLength`. */
export type FlatCatalog = Readonly<Record<string, string>>;

export function flattenCatalog(catalog: Catalog, prefix = ''): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isCatalog(value)) Object.assign(flat, flattenCatalog(value, path));
    else flat[path] = value;
  }
  return flat;
}

/** i18next's plural suffixes: CLDR's cardinal categories (`_zero` … `_other`). */
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** `warning_other` → { base: 'warning', category: 'other' }; a key without a plural suffix has no category. */
export function splitPluralKey(key: string): { base: string; category?: string } {
  const match = PLURAL_SUFFIX.exec(key);
  return match ? { base: key.slice(0, match.index), category: match[1] } : { base: key };
}

/** The plural forms a language needs, as i18next chooses among them (Intl.PluralRules). */
export function pluralCategories(language: string): string[] {
  return [...new Intl.PluralRules(language).resolvedOptions().pluralCategories].sort();
}

/** Each key without its plural suffix → its forms (category → text; '' for a key that is not plural). */
function groupByBase(flat: FlatCatalog): Map<string, Map<string, string>> {
  const groups = new Map<string, Map<string, string>>();
  for (const [key, text] of Object.entries(flat)) {
    const { base, category = '' } = splitPluralKey(key);
    const forms = groups.get(base) ?? new Map<string, string>();
    forms.set(category, text);
    groups.set(base, forms);
  }
  return groups;
}

/** The `{{…}}` placeholders of a text, normalised (`{{ count ,number }}` → `count, number`), sorted, unique. */
export function placeholdersOf(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/\{\{(.*?)\}\}/g)) {
    found.add((match[1] ?? '').trim().replace(/\s*,\s*/g, ', '));
  }
  return [...found].sort();
}

function describePlaceholders(placeholders: readonly string[]): string {
  return placeholders.length > 0 ? placeholders.map((placeholder) => `{{${placeholder}}}`).join(' ') : 'no placeholders';
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

export interface LanguageCatalog {
  language: string;
  flat: FlatCatalog;
}

/** Plural keys with exactly the forms the language's plural rules use; no empty texts. */
export function formProblems({ language, flat }: LanguageCatalog): string[] {
  const problems: string[] = [];
  const needed = pluralCategories(language);
  for (const [base, forms] of groupByBase(flat)) {
    const categories = [...forms.keys()].sort();
    const plural = categories.some((category) => category !== '');
    if (plural && !sameList(categories, needed)) {
      problems.push(`${language}: ${base} has plural forms [${categories.join(', ')}], ${language} needs [${needed.join(', ')}]`);
    }
    for (const [category, text] of forms) {
      if (text.trim() === '') problems.push(`${language}: ${category ? `${base}_${category}` : base} is empty`);
    }
  }
  return problems;
}

/** Keys missing from `other` or present only there, compared with `reference`, plural suffixes aside. */
export function keyProblems(reference: LanguageCatalog, other: LanguageCatalog): string[] {
  const referenceGroups = groupByBase(reference.flat);
  const otherGroups = groupByBase(other.flat);
  const problems: string[] = [];
  for (const [base, forms] of referenceGroups) {
    const otherForms = otherGroups.get(base);
    if (!otherForms) {
      problems.push(`${other.language}: missing ${base}`);
      continue;
    }
    const isPlural = (group: Map<string, string>) => !group.has('');
    if (isPlural(forms) !== isPlural(otherForms)) {
      problems.push(`${other.language}: ${base} is ${isPlural(otherForms) ? '' : 'not '}plural, unlike ${reference.language}`);
    }
  }
  for (const base of otherGroups.keys()) {
    if (!referenceGroups.has(base)) problems.push(`${other.language}: ${base} is not in ${reference.language}`);
  }
  return problems;
}

/**
 * Every form of every key has the reference's placeholders (those of its `_other` form for a plural).
 * Only a singular-like form (`_one`, `_two`, …) may leave out the count, as in "a second".
 */
export function placeholderProblems(reference: LanguageCatalog, other: LanguageCatalog): string[] {
  const referenceGroups = groupByBase(reference.flat);
  const problems: string[] = [];
  for (const [base, forms] of groupByBase(other.flat)) {
    const referenceForms = referenceGroups.get(base);
    if (!referenceForms) continue; // reported by keyProblems
    const expected = placeholdersOf(referenceForms.get('other') ?? referenceForms.get('') ?? '');
    for (const [category, text] of forms) {
      const found = placeholdersOf(text);
      const mayOmitCount = category !== '' && category !== 'other';
      const required = expected.filter((placeholder) => !(mayOmitCount && /^count\b/.test(placeholder)));
      const ok = found.every((placeholder) => expected.includes(placeholder)) && required.every((placeholder) => found.includes(placeholder));
      if (!ok) {
        const key = category ? `${base}_${category}` : base;
        problems.push(`${other.language}: ${key} has ${describePlaceholders(found)}, ${reference.language} has ${describePlaceholders(expected)}`);
      }
    }
  }
  return problems;
}

const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー`;
/** The catalogs' placeholders for a number. */
const NUMBER_PLACEHOLDER = String.raw`\{\{(?:count, number|min|max|maxLength)\}\}`;
const SPACING_RULES: readonly { rule: string; pattern: RegExp }[] = [
  { rule: 'a space beside full-width punctuation', pattern: /[。、，；：（）「」“”！？] | [。、，；：（）「」“”！？]/u },
  { rule: 'a Latin letter without a space', pattern: new RegExp(`[A-Za-z][${CJK}]|[${CJK}][A-Za-z]`, 'u') },
  // A number on its own (not part of a code such as us-east-1 or a value such as 1990-04-23).
  { rule: 'a space beside a number', pattern: new RegExp(String.raw`(?<![\w.+:-])\d+ [${CJK}]|[${CJK}] \d+(?![\w.:-])`, 'u') },
  { rule: 'a space beside a number placeholder', pattern: new RegExp(`${NUMBER_PLACEHOLDER} [${CJK}]|[${CJK}] ${NUMBER_PLACEHOLDER}`, 'u') },
];

/**
 * Japanese and Chinese spacing (docs/contributing.md): a half-width space between their text and a Latin word,
 * none between their text and a number, none beside full-width punctuation.
 */
export function spacingProblems({ language, flat }: LanguageCatalog): string[] {
  return Object.entries(flat).flatMap(([key, text]) =>
    SPACING_RULES.filter(({ pattern }) => pattern.test(text)).map(({ rule }) => `${language}: ${key} has ${rule}: ${text}`),
  );
}

/** A key (without plural suffix) written out in full as a string literal: 'a.b', "a.b" or `a.b`. */
export function appearsAsLiteral(key: string, sources: readonly string[]): boolean {
  const quoted = [`'${key}'`, `"${key}"`, `\`${key}\``];
  return sources.some((source) => quoted.some((literal) => source.includes(literal)));
}

/** Catalog keys (plural suffixes aside) that no source names literally and no dynamic rule produces. */
export function unusedKeys(flat: FlatCatalog, sources: readonly string[], dynamicKeys: ReadonlySet<string>): string[] {
  const bases = new Set(Object.keys(flat).map((key) => splitPluralKey(key).base));
  return [...bases].filter((base) => !dynamicKeys.has(base) && !appearsAsLiteral(base, sources)).sort();
}

/**
 * String literals in the sources that look like catalog keys: a dotted path under one of the catalog's
 * top-level names, such as 'errors.codeExpired'. File names ('config.json') and quoted object keys
 * (`'passwordPolicy.minimumLength': …`, a config path) are left out.
 */
export function keyLikeLiterals(sources: readonly string[], topLevelNames: readonly string[]): string[] {
  const found = new Set<string>();
  const literal = /(['"`])([A-Za-z]\w*(?:\.\w+)+)\1(?!:)/g;
  for (const source of sources) {
    for (const match of source.matchAll(literal)) {
      const candidate = match[2] ?? '';
      const [top] = candidate.split('.');
      if (top !== undefined && topLevelNames.includes(top) && !/\.(json|css|ts|tsx|js|svg|html)$/.test(candidate)) found.add(candidate);
    }
  }
  return [...found].sort();
}

/** Names the code uses that are neither a key (plural suffixes aside) nor the start of keys it completes. */
export function unknownKeys(named: readonly string[], flat: FlatCatalog): string[] {
  const bases = [...new Set(Object.keys(flat).map((key) => splitPluralKey(key).base))];
  return named.filter((name) => !bases.some((base) => base === name || base.startsWith(name))).sort();
}
