import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { create } from 'qrcode';
import { describe, expect, it, vi } from 'vitest';
import { AuthenticatorKey, authenticatorUri, groupKey } from './authenticator-key';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const props = { secret: SECRET, accountName: 'jane.doe', issuer: 'Example Corp' };

const qrImage = () => screen.findByRole('img', { name: /QR code that adds your Example Corp account \(jane\.doe\)/ });

describe('authenticatorUri', () => {
  it('is the otpauth URI authenticator apps read, issuer and account URI-encoded', () => {
    expect(authenticatorUri({ secret: 'JBSWY3DPEHPK3PXP', accountName: 'jane doe@example.com', issuer: 'Example Corp: Staff' })).toBe(
      'otpauth://totp/Example%20Corp%3A%20Staff:jane%20doe%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example%20Corp%3A%20Staff',
    );
  });
});

describe('groupKey', () => {
  it('splits the key into blocks of four', () => {
    expect(groupKey('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
    expect(groupKey('ABCDEF')).toBe('ABCD EF');
  });
});

describe('AuthenticatorKey', () => {
  it('draws the QR code of the URI, with a text alternative that points to the key', async () => {
    render(<AuthenticatorKey {...props} />);
    const image = await qrImage();
    expect(image).toHaveAccessibleName(expect.stringContaining('If you cannot scan it, type the key shown with it.'));
    // One dark square per module of the code, with the four-module quiet zone around it.
    const { modules } = create(authenticatorUri(props), { errorCorrectionLevel: 'M' });
    expect(image).toHaveAttribute('viewBox', `0 0 ${modules.size + 8} ${modules.size + 8}`);
    const path = image.querySelector('path')?.getAttribute('d') ?? '';
    const darkModules = [...path.matchAll(/h(\d+)v1/g)].reduce((sum, match) => sum + Number(match[1]), 0);
    expect(darkModules).toBe(modules.data.reduce((sum: number, bit) => sum + bit, 0));
  });

  it('never uses a style attribute, inline markup or an image URL (the production CSP forbids them)', async () => {
    const { container } = render(<AuthenticatorKey {...props} />);
    await qrImage();
    expect(container.querySelector('[style]')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
  });

  it('shows the key as text in blocks of four, in a monospace element not to be translated', async () => {
    render(<AuthenticatorKey {...props} />);
    await qrImage();
    expect(screen.getByText('Cannot scan the code? Type this key:')).toBeInTheDocument();
    const key = screen.getByText('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    expect(key.tagName).toBe('CODE');
    expect(key).toHaveAttribute('translate', 'no');
  });

  it('copies the key without spaces and says so', async () => {
    const user = userEvent.setup();
    render(<AuthenticatorKey {...props} />);
    await qrImage();
    const status = screen.getByRole('status');
    expect(status).toBeEmptyDOMElement();
    await user.click(screen.getByRole('button', { name: 'Copy key' }));
    await waitFor(() => expect(status).toHaveTextContent('Key copied. Paste it into your authenticator app.'));
    await expect(navigator.clipboard.readText()).resolves.toBe(SECRET);
  });

  it('says how to copy by hand when the browser refuses', async () => {
    const user = userEvent.setup();
    render(<AuthenticatorKey {...props} />);
    await qrImage();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    await user.click(screen.getByRole('button', { name: 'Copy key' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('The key could not be copied.'));
  });
});
