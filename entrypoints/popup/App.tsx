/**
 * Popup state and wiring: reads settings, talks to the content script through
 * ./tab, and hands plain data and callbacks to components/Popup.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/Popup';
import type { PopupView } from '@/components/view';
import { analysisToMarkdown } from '@/lib/markdown';
import type { FocusKind, Reply, SummaryLength, TextSource } from '@/lib/messages';
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from '@/lib/settings';
import { actionShortcut, findTarget, injectContentScript, send, styleHighlights, type TabTarget } from './tab';

const NOTICE_MS = 2500;

export function App({ search }: { search: string }) {
  const [view, setView] = useState<PopupView>({ kind: 'loading' });
  const [length, setLength] = useState<SummaryLength>(DEFAULT_SETTINGS.summaryLength);
  const [highlightsOn, setHighlightsOn] = useState(DEFAULT_SETTINGS.highlightOnOpen);
  const [selectedEntity, setSelectedEntity] = useState<number | null>(null);
  const [shortcut, setShortcut] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const target = useRef<TabTarget | null>(null);
  const noticeTimer = useRef<ReturnType<typeof setTimeout>>();

  const say = useCallback((text: string) => {
    setNotice(text);
    clearTimeout(noticeTimer.current);
    noticeTimer.current = setTimeout(() => setNotice(null), NOTICE_MS);
  }, []);

  const showReply = useCallback((reply: Reply, source: TextSource) => {
    if (reply.type === 'analysis') {
      const r = reply.result;
      setView(
        r.ok
          ? { kind: 'analysis', analysis: r, anchoring: reply.anchoring, source }
          : { kind: 'no-article', message: r.message, title: r.title, source },
      );
    } else if (reply.type === 'error') {
      setView({ kind: 'error', message: reply.message });
    }
  }, []);

  const read = useCallback(
    async (source: TextSource, sentences: SummaryLength, highlights: boolean) => {
      const t = target.current;
      if (!t) return;
      setView({ kind: 'loading' });
      setSelectedEntity(null);
      showReply(await send(t.tabId, { type: 'analyze', sentences, source, highlights }), source);
    },
    [showReply],
  );

  useEffect(() => {
    void (async () => {
      const settings = await loadSettings(browser.storage.local);
      setLength(settings.summaryLength);
      setHighlightsOn(settings.highlightOnOpen);
      void actionShortcut().then(setShortcut);
      const t = await findTarget(search);
      if (!t) {
        setView({ kind: 'error', message: 'Lede could not find the tab to read.' });
        return;
      }
      target.current = t;
      const injected = await injectContentScript(t);
      if (!injected.ok) {
        setView('restriction' in injected ? { kind: 'restricted', message: injected.restriction.message } : { kind: 'error', message: injected.error });
        return;
      }
      // The colours go in before anything is painted; a page that refuses them still gets its reading.
      await styleHighlights(t.tabId, settings.colours);
      await read('article', settings.summaryLength, settings.highlightOnOpen);
    })().catch((err: unknown) => setView({ kind: 'error', message: err instanceof Error ? err.message : String(err) }));
  }, [search, read]);

  const tabId = () => target.current?.tabId;

  const onLength = async (next: SummaryLength) => {
    setLength(next);
    void saveSettings(browser.storage.local, { summaryLength: next });
    const id = tabId();
    if (id === undefined || view.kind !== 'analysis') return;
    showReply(await send(id, { type: 'setSentences', sentences: next }), view.source);
  };

  const onHighlights = async (on: boolean) => {
    setHighlightsOn(on);
    const id = tabId();
    if (id !== undefined) await send(id, { type: 'highlights', on });
  };

  const onFocus = async (kind: FocusKind, index: number) => {
    const id = tabId();
    if (id === undefined) return;
    const reply = await send(id, { type: 'focus', kind, index });
    if (reply.type === 'error') say(reply.message);
  };

  const onEntity = async (index: number | null) => {
    const id = tabId();
    if (id === undefined) return;
    setSelectedEntity(index);
    const reply = await send(id, { type: 'highlightEntity', index });
    if (reply.type === 'error') say(reply.message);
    else if (index !== null) setHighlightsOn(true);
  };

  const onCopy = async () => {
    if (view.kind !== 'analysis') return;
    try {
      await navigator.clipboard.writeText(analysisToMarkdown(view.analysis, target.current?.url ?? null));
      say('Copied as Markdown.');
    } catch {
      say("Couldn't copy: the browser refused clipboard access.");
    }
  };

  return (
    <Popup
      view={view}
      summaryLength={length}
      highlightsOn={highlightsOn}
      selectedEntity={selectedEntity}
      shortcut={shortcut}
      notice={notice}
      onLength={(n) => void onLength(n)}
      onHighlights={(on) => void onHighlights(on)}
      onFocus={(k, i) => void onFocus(k, i)}
      onEntity={(i) => void onEntity(i)}
      onCopy={() => void onCopy()}
      onAnalyze={(source) => void read(source, length, highlightsOn)}
      onOptions={() => void browser.runtime.openOptionsPage()}
    />
  );
}
