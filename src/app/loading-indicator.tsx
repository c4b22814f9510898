import { useTranslation } from '../i18n/react';

/** Shown while the stored session is checked; announced politely, never focused. */
export function LoadingIndicator({ messageKey = 'app.checkingSession' }: { messageKey?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="loading__spinner" aria-hidden="true" />
      {t(messageKey)}
    </p>
  );
}
