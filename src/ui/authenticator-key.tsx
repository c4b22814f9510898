import './authenticator-key.css';
import { useState } from 'react';
import { QrCode } from './qr-code';
import { useAppTranslation } from './use-app-translation';

export interface AuthenticatorKeyProps {
  /** The key from AssociateSoftwareToken (base32). Whoever reads it can make codes: shown, never logged or saved. */
  secret: string;
  /** Who the key belongs to, as the app lists it: the username. */
  accountName: string;
  /** Whose account it is, as the app lists it: the product name in the header, in the language of the set-up. */
  issuer: string;
}

/**
 * The URI authenticator apps read from a QR code (the Key Uri Format of Google Authenticator, which the
 * other apps and Amplify follow): `otpauth://totp/{issuer}:{account}?secret=…&issuer={issuer}`.
 * Cognito's codes are the format's defaults (SHA-1, 6 digits, 30 s), so nothing more is needed.
 */
export function authenticatorUri({ secret, accountName, issuer }: AuthenticatorKeyProps): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(accountName)}`;
  return `otpauth://totp/${label}?secret=${encodeURIComponent(secret)}&issuer=${encodeURIComponent(issuer)}`;
}

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": easier to read out and type; apps ignore the spaces. */
export function groupKey(secret: string): string {
  return (secret.match(/.{1,4}/g) ?? []).join(' ');
}

type CopyStatus = 'copied' | 'failed' | null;

/**
 * An authenticator app's key: as a QR code to scan, and as text to type (grouped, monospace) with a
 * button that copies it. Used at sign-in (MFA_SETUP) and on the account page.
 */
export function AuthenticatorKey({ secret, accountName, issuer }: AuthenticatorKeyProps) {
  const { t } = useAppTranslation();
  const [copyStatus, setCopyStatus] = useState<CopyStatus>(null);

  const copy = async () => {
    // Emptied first, so that a second copy is a change the status region announces again.
    setCopyStatus(null);
    try {
      // Not available outside a secure context (http:// on another host) or when the browser refuses.
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(secret);
      setCopyStatus('copied');
    } catch {
      setCopyStatus('failed');
    }
  };

  return (
    <div className="authenticator-key">
      <QrCode
        value={authenticatorUri({ secret, accountName, issuer })}
        label={t('ui.authenticatorKey.qrLabel', { account: accountName, issuer })}
        fallback={t('ui.authenticatorKey.qrFailed')}
      />
      <div className="authenticator-key__text">
        <p className="authenticator-key__label">{t('ui.authenticatorKey.keyLabel')}</p>
        {/* translate="no": a page translator must not turn the key's letters into words. */}
        <code className="authenticator-key__secret" translate="no">
          {groupKey(secret)}
        </code>
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {t('ui.authenticatorKey.copy')}
        </button>
        <p role="status" className="authenticator-key__status">
          {copyStatus === 'copied' ? t('ui.authenticatorKey.copied') : null}
          {copyStatus === 'failed' ? t('ui.authenticatorKey.copyFailed') : null}
        </p>
      </div>
    </div>
  );
}
