import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ConfigErrorPage } from './config-error-page';
import { parseConfig } from './load-config';

describe('ConfigErrorPage', () => {
  it('names each wrong key and what it expects', () => {
    const result = parseConfig({ region: 'us-east-1', userPoolClientId: 'abc', challengeSessionMinutes: 20 });
    if (result.ok) throw new Error('expected a problem');
    render(<ConfigErrorPage problem={result.problem} />);

    expect(screen.getByRole('heading', { level: 1, name: 'This app is not configured correctly' })).toBeInTheDocument();
    const items = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(items).toEqual([
      'userPoolId is missing; expected a user pool id such as us-east-1_AbCdEf123 (at most 55 characters).',
      "challengeSessionMinutes has a value that is not accepted; expected a whole number of minutes from 3 to 15, equal to the app client's AuthSessionValidity.",
    ]);
    expect(screen.getByRole('alert')).toHaveTextContent('The configuration file /config.json has 2 problems:');
    expect(document.title).toBe('This app is not configured correctly');
  });

  it('says when the file could not be loaded', () => {
    render(<ConfigErrorPage problem={{ kind: 'unreachable', url: '/config.json', status: 404 }} />);
    expect(screen.getByRole('alert')).toHaveTextContent('The configuration file /config.json could not be loaded (HTTP 404).');
  });

  it('says when the file is not JSON', () => {
    render(<ConfigErrorPage problem={{ kind: 'notJson', url: '/config.json' }} />);
    expect(screen.getByRole('alert')).toHaveTextContent('The configuration file /config.json is not valid JSON.');
  });
});
