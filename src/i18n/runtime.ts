import { Translator } from './translator';
import { DEFAULT_LANGUAGE } from './languages';

/** The app's one translation runtime; src/i18n/index.ts sets it up. */
export const i18n = new Translator(DEFAULT_LANGUAGE);
