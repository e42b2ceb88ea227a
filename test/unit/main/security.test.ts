import { describe, expect, it } from 'vitest';
import { desktopCsp } from '../../../core/csp.ts';
import { allowedExternalUrl, installContentSecurityPolicy, openExternalLink } from '../../../main/security.ts';

type Listener = Parameters<Parameters<typeof installContentSecurityPolicy>[0]['onHeadersReceived']>[0];

describe('Content-Security-Policy', () => {
  function installed(policy: () => string) {
    let listener: Listener | null = null;
    installContentSecurityPolicy({ onHeadersReceived: (l) => (listener = l) }, policy);
    if (!listener) throw new Error('no onHeadersReceived listener was installed');
    return (responseHeaders: Record<string, string[]>) => {
      let answered: Record<string, string[] | string> | null = null;
      listener!({ responseHeaders }, ({ responseHeaders: h }) => (answered = h));
      return answered as Record<string, string[] | string> | null;
    };
  }

  it('sets the desktop policy on every response, replacing what the server sent', () => {
    const respond = installed(() => desktopCsp('https://relay.example.org'));
    const headers = respond({
      'content-type': ['text/html'],
      'content-security-policy': ["default-src *; script-src * 'unsafe-eval'"],
    });
    expect(headers).not.toBeNull();
    expect(headers!['content-type']).toEqual(['text/html']);
    expect(headers!['content-security-policy']).toBeUndefined();
    expect(headers!['Content-Security-Policy']).toEqual([desktopCsp('https://relay.example.org')]);
    expect(String(headers!['Content-Security-Policy'])).toContain("script-src 'self';");
  });

  it('reads the policy per response, so a newly chosen relay is allowed at once', () => {
    let relay = 'http://127.0.0.1:8787';
    const respond = installed(() => desktopCsp(relay));
    expect(String(respond({})!['Content-Security-Policy'])).toContain('ws://127.0.0.1:8787');
    relay = 'https://relay.example.org';
    const after = String(respond({})!['Content-Security-Policy']);
    expect(after).toContain('wss://relay.example.org');
    expect(after).not.toContain('127.0.0.1');
  });
});

describe('external links', () => {
  it.each([
    ['https://example.org/a?b=c#d', 'https://example.org/a?b=c#d'],
    ['mailto:someone@example.org', 'mailto:someone@example.org'],
    ['http://example.org/', null],
    ['file:///etc/passwd', null],
    ['javascript:alert(1)', null],
    ['smb://host/share', null],
    ['ms-msdt:/id PCWDiagnostic', null],
    ['https://user:pass@example.org/', null],
    ['not a url', null],
  ])('%s → %s', (raw, expected) => {
    expect(allowedExternalUrl(raw)).toBe(expected);
  });

  it('opens allowed links with the system and refuses the others with a reason', async () => {
    const opened: string[] = [];
    const open = async (url: string) => {
      opened.push(url);
    };
    expect(await openExternalLink(open, 'https://example.org/')).toEqual({ ok: true });
    const refused = await openExternalLink(open, 'file:///etc/passwd');
    expect(refused).toMatchObject({ ok: false, code: 'link-not-allowed' });
    expect(opened).toEqual(['https://example.org/']);
  });
});
