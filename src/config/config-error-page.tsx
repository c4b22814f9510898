import { useEffect } from 'react';
import { spaceBetweenTexts } from '../i18n/languages';
import { useTranslation } from '../i18n/react';
import type { ConfigProblem } from './load-config';

/** Shown instead of the app when /config.json is missing or wrong; it addresses whoever deploys the app. */
export function ConfigErrorPage({ problem }: { problem: ConfigProblem }) {
  const { t, i18n } = useTranslation();
  const title = t('config.title');
  const space = spaceBetweenTexts(i18n.resolvedLanguage ?? i18n.language);
  useEffect(() => {
    document.title = title;
  }, [title]);

  return (
    <div className="app-shell">
      <main className="card card--wide" aria-labelledby="config-error-title">
        <h1 id="config-error-title">{title}</h1>
        <div className="message message--error" role="alert">
          {problem.kind === 'unreachable' && (
            <p>
              {problem.status === undefined
                ? t('config.unreachable', { url: problem.url })
                : t('config.unreachableStatus', { url: problem.url, status: problem.status })}
            </p>
          )}
          {problem.kind === 'notJson' && <p>{t('config.notJson', { url: problem.url })}</p>}
          {problem.kind === 'invalid' && (
            <>
              <p>{t('config.invalid', { url: problem.url, count: problem.issues.length })}</p>
              <ul className="config-issues">
                {problem.issues.map((issue) => (
                  <li key={`${issue.key}:${issue.problem}`}>
                    {/* A key is a Latin word, spaced from any text; "the file" is text in the page's language. */}
                    <code>{issue.key === '' ? t('config.document') : issue.key}</code>
                    {issue.key === '' ? space : ' '}
                    {t(`config.problem.${issue.problem}`)}
                    {space}
                    {t(issue.expectKey, issue.values)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
        <p>{t('config.help')}</p>
      </main>
    </div>
  );
}
