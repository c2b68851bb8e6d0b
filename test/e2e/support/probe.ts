/**
 * A listening, tampering page: a script that goes first into a page's <head>
 * and records everything a page's own script could notice of an extension:
 *
 *  - every window `message` (any origin, any data);
 *  - every event on window and document, in the capture phase: each type the
 *    browser names with an `on…` property there, and the names given (WXT's
 *    start-up event under the extension's id, say), with `isTrusted`;
 *  - every DOM change in the whole document, head included (a MutationObserver
 *    on `document`: subtree, childList, attributes, characterData);
 *  - every global added to window, and the page's style sheets;
 *  - calls of the page-world functions it replaces with recording wrappers
 *    (postMessage, dispatchEvent, createElement, append/appendChild/insertBefore,
 *    CSS.highlights.set): a content script in its isolated world must never
 *    reach them.
 *
 * `window.__ledeProbe.start()` clears the record (after the page has loaded);
 * `report()` returns it.
 */

export const PROBE = '__ledeProbe';

export interface ProbeReport {
  messages: Array<{ origin: string; data: string }>;
  events: Array<{ where: string; type: string; trusted: boolean }>;
  mutations: Array<{ type: string; target: string; attribute: string | null; added: string[]; removed: string[] }>;
  calls: string[];
  globals: string[];
  styleSheets: { before: number; now: number; adopted: number };
  highlights: string[];
  listenedTypes: number;
}

/** The script's source (put it in a <script> first thing in <head>); `names` are extra event types to listen for. */
export function probeSource(names: string[]): string {
  return `(${install.toString()})(${JSON.stringify(PROBE)}, ${JSON.stringify(names)});`;
}

/** Puts the probe first into a page's <head>. */
export function withProbe(html: string, names: string[]): string {
  const script = `<script>${probeSource(names)}</script>`;
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (m) => `${m}${script}`) : `${script}${html}`;
}

/** The names WXT's content-script context would use under an extension id (type of its message and event). */
export function wxtEventNames(ids: string[]): string[] {
  return ids.flatMap((id) => [`${id}:content:wxt:content-script-started`, `${id}:content:wxt:locationchange`, `${id}:wxt:content-script-started`]);
}

/** Runs in the page (serialised with toString): plain browser JavaScript only. */
function install(globalName: string, names: string[]): void {
  const w = window as unknown as Record<string, unknown>;
  const log = { messages: [] as ProbeReport['messages'], events: [] as ProbeReport['events'], mutations: [] as ProbeReport['mutations'], calls: [] as string[] };
  const describe = (n: Node | null): string => {
    if (!n) return '';
    const el = n.nodeType === 1 ? (n as Element) : null;
    return el ? `${el.localName}${el.id ? `#${el.id}` : ''}` : n.nodeName;
  };
  const types = new Set<string>(names);
  for (const target of [window, document] as unknown as Array<Record<string, unknown>>) {
    for (const k in target) if (k.startsWith('on')) types.add(k.slice(2));
  }
  types.delete('message');
  for (const type of types) {
    window.addEventListener(type, (e) => void log.events.push({ where: 'window', type: e.type, trusted: e.isTrusted }), true);
    document.addEventListener(type, (e) => void log.events.push({ where: 'document', type: e.type, trusted: e.isTrusted }), true);
  }
  window.addEventListener(
    'message',
    (e) => {
      let data: string;
      try {
        data = JSON.stringify(e.data);
      } catch {
        data = String(e.data);
      }
      log.messages.push({ origin: e.origin, data });
    },
    true,
  );
  new MutationObserver((records) => {
    for (const r of records) {
      log.mutations.push({
        type: r.type,
        target: describe(r.target),
        attribute: r.attributeName,
        added: Array.from(r.addedNodes, describe),
        removed: Array.from(r.removedNodes, describe),
      });
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true, attributeOldValue: true, characterDataOldValue: true });

  // Tampering: the page's own functions, replaced by recording wrappers.
  const wrap = (owner: Record<string, unknown> | undefined, name: string, label: string) => {
    const original = owner?.[name];
    if (typeof original !== 'function') return;
    owner![name] = function (this: unknown, ...args: unknown[]) {
      log.calls.push(label);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  };
  wrap(w, 'postMessage', 'window.postMessage');
  wrap(EventTarget.prototype as unknown as Record<string, unknown>, 'dispatchEvent', 'dispatchEvent');
  wrap(Document.prototype as unknown as Record<string, unknown>, 'createElement', 'createElement');
  for (const name of ['append', 'appendChild', 'insertBefore', 'prepend']) {
    wrap((name === 'appendChild' || name === 'insertBefore' ? Node.prototype : Element.prototype) as unknown as Record<string, unknown>, name, name);
  }
  const registry = (globalThis as unknown as { HighlightRegistry?: { prototype: Record<string, unknown> } }).HighlightRegistry;
  wrap(registry?.prototype, 'set', 'CSS.highlights.set');

  let baseline: string[] = Object.getOwnPropertyNames(window);
  let sheets = 0;
  const probe = {
    start() {
      baseline = Object.getOwnPropertyNames(window);
      sheets = document.styleSheets.length;
      log.messages.length = log.events.length = log.mutations.length = log.calls.length = 0;
    },
    report(): ProbeReport {
      const known = new Set(baseline);
      const highlights = (globalThis as unknown as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights;
      return {
        messages: [...log.messages],
        events: [...log.events],
        mutations: [...log.mutations],
        calls: [...log.calls],
        globals: Object.getOwnPropertyNames(window).filter((n) => !known.has(n) && n !== globalName),
        styleSheets: { before: sheets, now: document.styleSheets.length, adopted: document.adoptedStyleSheets?.length ?? 0 },
        highlights: highlights ? [...highlights.keys()].sort() : [],
        listenedTypes: types.size,
      };
    },
  };
  Object.defineProperty(window, globalName, { value: probe });
}
