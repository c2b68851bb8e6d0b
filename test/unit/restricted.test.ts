import { describe, expect, it } from 'vitest';
import { restrictionForUrl, restrictionFromError } from '@/lib/restricted';

describe('restrictionForUrl', () => {
  it('names the reason for pages a browser never lets an extension read', () => {
    const cases: Array<[string, string]> = [
      ['chrome://version', 'browser-page'],
      ['chrome://newtab/', 'browser-page'],
      ['edge://settings', 'browser-page'],
      ['about:blank', 'browser-page'],
      ['about:addons', 'browser-page'],
      ['view-source:https://example.com/', 'view-source'],
      ['https://chromewebstore.google.com/detail/abc', 'web-store'],
      ['https://chrome.google.com/webstore/category/extensions', 'web-store'],
      ['https://addons.mozilla.org/en-US/firefox/', 'web-store'],
      ['https://example.com/report.pdf', 'pdf'],
      ['chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', 'pdf'],
      ['chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html', 'extension-page'],
      ['moz-extension://1234/popup.html', 'extension-page'],
      ['file:///home/me/article.html', 'file-access'],
      ['ftp://example.com/x', 'not-web'],
    ];
    for (const [url, reason] of cases) {
      const r = restrictionForUrl(url);
      expect(r?.reason, url).toBe(reason);
      expect(r?.message.length).toBeGreaterThan(20);
    }
  });

  it('lets ordinary pages, and local files once allowed, through', () => {
    for (const url of [
      'https://www.bbc.co.uk/news/world-1',
      'http://127.0.0.1:8080/article.html',
      'https://chrome.google.com/search',
      'https://example.com/pdf-guide',
      'https://example.com/webstore',
    ]) {
      expect(restrictionForUrl(url), url).toBeNull();
    }
    expect(restrictionForUrl('file:///home/me/article.html', true)).toBeNull();
    expect(restrictionForUrl(undefined)).toBeNull();
    expect(restrictionForUrl('not a url')).toBeNull();
  });
});

describe('restrictionFromError', () => {
  it("reads Chrome's and Firefox's injection errors", () => {
    expect(restrictionFromError('Cannot access a chrome:// URL')?.reason).toBe('browser-page');
    expect(restrictionFromError('The extensions gallery cannot be scripted.')?.reason).toBe('web-store');
    expect(restrictionFromError('Cannot access a chrome-extension:// URL of different extension')?.reason).toBe('extension-page');
    expect(
      restrictionFromError('Cannot access contents of url "file:///tmp/a.html". Extension manifest must request permission to access this host.')
        ?.reason,
    ).toBe('file-access');
    expect(restrictionFromError('Frame with ID 0 is showing error page')?.reason).toBe('error-page');
    expect(
      restrictionFromError('Cannot access contents of the page. Extension manifest must request permission to access the respective host.')
        ?.reason,
    ).toBe('no-access');
    expect(restrictionFromError('Missing host permission for the tab')?.reason).toBe('no-access');
  });

  it('leaves errors that are not about access to the caller', () => {
    expect(restrictionFromError('Could not load file: content-scripts/content.js')).toBeNull();
    expect(restrictionFromError('No tab with id: 5.')).toBeNull();
  });
});
