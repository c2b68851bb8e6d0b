/**
 * Pages a browser never lets an extension read: its own pages, the extension
 * stores, the PDF viewer, local files without the user's permission. The popup
 * says why instead of waiting for an analysis that cannot come.
 *
 * Decided from the tab's URL when the browser tells us (it may not: under
 * activeTab without the "tabs" permission `tab.url` can be absent), otherwise
 * from the error `scripting.executeScript` throws.
 */

export type RestrictionReason =
  | 'browser-page'
  | 'web-store'
  | 'extension-page'
  | 'view-source'
  | 'pdf'
  | 'file-access'
  | 'error-page'
  | 'not-web'
  | 'no-access';

export interface Restriction {
  reason: RestrictionReason;
  /** A sentence for the popup saying why Lede can't read this page. */
  message: string;
}

const MESSAGES: Record<RestrictionReason, string> = {
  'browser-page': "This is one of the browser's own pages. Browsers don't let extensions read them.",
  'web-store': "Extension stores can't be read by extensions: the browser protects them.",
  'extension-page': "This page belongs to an extension. Extensions can't read each other's pages.",
  'view-source': "Lede can't read a page's source view. Open the page itself and try again.",
  pdf: "Lede can't read PDF files shown in the browser's PDF viewer.",
  'file-access':
    'Lede needs permission to read local files. Turn on "Allow access to file URLs" for Lede in the extensions page, then try again.',
  'error-page': "The page didn't load, so there is nothing to read.",
  'not-web': 'Lede reads web pages only.',
  // Chrome gives the same error for a local file without file access and for a page without the
  // activeTab grant, and hides the URL of both: say what helps in either case.
  'no-access':
    'The browser didn\'t let Lede read this page. Click Lede\'s toolbar button on the page and try again. For a local file, first turn on "Allow access to file URLs" for Lede in the extensions page.',
};

export function restriction(reason: RestrictionReason): Restriction {
  return { reason, message: MESSAGES[reason] };
}

const BROWSER_SCHEMES = ['chrome:', 'edge:', 'about:', 'brave:', 'opera:', 'vivaldi:', 'devtools:', 'chrome-search:', 'chrome-untrusted:'];
const EXTENSION_SCHEMES = ['chrome-extension:', 'moz-extension:', 'extension:', 'safari-web-extension:'];
const STORES: Array<{ host: string; path?: string }> = [
  { host: 'chromewebstore.google.com' },
  { host: 'chrome.google.com', path: '/webstore' },
  { host: 'addons.mozilla.org' },
  { host: 'microsoftedge.microsoft.com', path: '/addons' },
];
/** Chrome's built-in PDF viewer is itself an extension page with this id. */
const CHROME_PDF_VIEWER_ID = 'mhjfbmdgcfjbbpaeojofohoefgiehjai';

/**
 * Restriction for a URL, or null when it is an ordinary web page (or unknown:
 * the injection's outcome then decides). `fileAccess` is whether the user allowed
 * Lede on file URLs (`extension.isAllowedFileSchemeAccess()`).
 */
export function restrictionForUrl(url: string | null | undefined, fileAccess = false): Restriction | null {
  if (!url) return null;
  if (url.toLowerCase().startsWith('view-source:')) return restriction('view-source');
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const scheme = u.protocol.toLowerCase();
  if (BROWSER_SCHEMES.includes(scheme)) return restriction('browser-page');
  if (EXTENSION_SCHEMES.includes(scheme)) {
    return u.hostname === CHROME_PDF_VIEWER_ID ? restriction('pdf') : restriction('extension-page');
  }
  if (/\.pdf$/i.test(u.pathname)) return restriction('pdf');
  if (scheme === 'file:') return fileAccess ? null : restriction('file-access');
  if (scheme !== 'http:' && scheme !== 'https:') return restriction('not-web');
  const host = u.hostname.toLowerCase();
  for (const store of STORES) {
    if (host === store.host && (!store.path || u.pathname === store.path || u.pathname.startsWith(`${store.path}/`))) {
      return restriction('web-store');
    }
  }
  return null;
}

/**
 * Restriction from the error `scripting.executeScript` threw, for when the URL
 * was not known beforehand. Chrome and Firefox word these differently; anything
 * else that says access was refused is 'no-access'. Returns null for errors that
 * are not about access (a bug of ours, which the popup shows as an error).
 */
export function restrictionFromError(message: string): Restriction | null {
  const m = message.toLowerCase();
  if (m.includes('extensions gallery') || m.includes('webstore') || m.includes('addons.mozilla.org')) {
    return restriction('web-store');
  }
  if (m.includes('view-source')) return restriction('view-source');
  if (m.includes(CHROME_PDF_VIEWER_ID) || m.includes('.pdf')) return restriction('pdf');
  if (/(chrome|edge|about|brave|devtools|chrome-search|chrome-untrusted):/.test(m)) return restriction('browser-page');
  if (/(chrome-extension|moz-extension):\/\//.test(m)) return restriction('extension-page');
  if (m.includes('file://')) return restriction('file-access');
  if (m.includes('error page')) return restriction('error-page');
  if (m.includes('cannot access') || m.includes('missing host permission') || m.includes('cannot be scripted')) {
    return restriction('no-access');
  }
  return null;
}
