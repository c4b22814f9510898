import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../i18n';
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

  describe('in Japanese and Chinese', () => {
    afterEach(async () => {
      cleanup(); // unmount first: nothing is left to re-render when English comes back
      await setLanguage('en', { remember: false });
    });

    // No space is typed after 。 or ；, nor between "the file" and the problem: only beside a Latin key.
    it.each([
      [
        'ja',
        [
          'userPoolId が指定されていません。us-east-1_AbCdEf123 のようなユーザープール ID（55文字以内）を指定してください。',
          'challengeSessionMinutes の値が正しくありません。3～15の整数（分）で、アプリクライアントの AuthSessionValidity と同じ値を指定してください。',
        ],
        'ファイル全体の値が正しくありません。JSON オブジェクトを指定してください。',
      ],
      [
        'zh-CN',
        [
          'userPoolId 缺失；应为用户池 ID，例如 us-east-1_AbCdEf123（不超过55个字符）。',
          'challengeSessionMinutes 的值无效；应为3到15之间的整数（分钟），且与应用客户端的 AuthSessionValidity 相同。',
        ],
        '文件本身的值无效；应为 JSON 对象。',
      ],
    ] as const)('joins the parts of each problem as %s writes them', async (language, expected, wholeFile) => {
      await setLanguage(language, { remember: false });
      const result = parseConfig({ region: 'us-east-1', userPoolClientId: 'abc', challengeSessionMinutes: 20 });
      if (result.ok) throw new Error('expected a problem');
      const { unmount } = render(<ConfigErrorPage problem={result.problem} />);
      expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(expected);
      unmount();

      const notAnObject = parseConfig([]);
      if (notAnObject.ok) throw new Error('expected a problem');
      render(<ConfigErrorPage problem={notAnObject.problem} />);
      expect(screen.getByRole('listitem').textContent).toBe(wholeFile);
    });
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
