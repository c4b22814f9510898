import { useId, useState } from 'react';
import { LANGUAGE_NAMES, SUPPORTED_LANGUAGES, isSupportedLanguage, setLanguage, type Language } from '../i18n';
import { useAppTranslation } from './use-app-translation';

/**
 * One button per language, each named in its own language (and marked with its `lang`, so a screen
 * reader pronounces it right). Buttons rather than a `<select>`: nothing changes until the user
 * presses one, so moving through the choices with the keyboard never switches the page under them.
 * The choice applies in place and is remembered for the next visit.
 */
export function LanguageSwitcher() {
  const { t, i18n } = useAppTranslation();
  const labelId = useId();
  const [loadFailed, setLoadFailed] = useState(false);
  const current: Language | undefined = isSupportedLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : undefined;

  function choose(language: Language) {
    setLoadFailed(false);
    setLanguage(language).catch(() => setLoadFailed(true));
  }

  return (
    <div className="language-switcher">
      <span className="language-switcher__label" id={labelId}>
        {t('app.language.label')}
      </span>
      <div className="language-switcher__options" role="group" aria-labelledby={labelId}>
        {SUPPORTED_LANGUAGES.map((language) => (
          <button
            key={language}
            type="button"
            className="language-switcher__option"
            lang={language}
            aria-pressed={language === current}
            onClick={() => choose(language)}
          >
            {LANGUAGE_NAMES[language]}
          </button>
        ))}
      </div>
      {/*
        Rendered only on failure: an alert is announced when it appears, and a permanent empty live region
        in the header would sit on every screen for a message that almost never comes.
      */}
      {loadFailed ? (
        <p className="language-switcher__error" role="alert">
          {t('app.language.loadFailed')}
        </p>
      ) : null}
    </div>
  );
}
