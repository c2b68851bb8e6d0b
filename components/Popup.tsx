import { Entities } from './Entities';
import { Header } from './Header';
import { KeySentences } from './KeySentences';
import { Quotes } from './Quotes';
import type { PopupProps } from './view';

function Status({ title, children, busy = false }: { title: string; children?: preact.ComponentChildren; busy?: boolean }) {
  return (
    <div class="status" role="status" aria-busy={busy}>
      <h1 class="status-title">{title}</h1>
      {children}
    </div>
  );
}

function Toolbar(props: PopupProps) {
  return (
    <div class="toolbar">
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          checked={props.highlightsOn}
          onChange={(e) => props.onHighlights((e.currentTarget as HTMLInputElement).checked)}
        />
        Highlights in the page
      </label>
      <button type="button" onClick={props.onCopy}>
        Copy as Markdown
      </button>
    </div>
  );
}

/** Says when some passages could not be found in the live page, so a missing highlight is not a mystery. */
function AnchorNote({ view }: { view: Extract<PopupProps['view'], { kind: 'analysis' }> }) {
  const { keySentences, quotes, painted, supported, tooLarge } = view.anchoring;
  if (!supported) {
    return <p class="note anchor-note">This browser can't highlight text in pages: the passages are listed here only.</p>;
  }
  if (tooLarge) {
    return (
      <p class="note anchor-note">
        This page is too large to highlight without freezing it: the passages are listed here only.
      </p>
    );
  }
  const missing = keySentences.found - keySentences.anchored + (quotes.found - quotes.anchored);
  if (!painted || missing === 0) return null;
  return (
    <p class="note anchor-note">
      {missing === 1 ? '1 passage' : `${missing} passages`} couldn't be found in the page to highlight.
    </p>
  );
}

function Body(props: PopupProps) {
  const { view } = props;
  switch (view.kind) {
    case 'loading':
      return (
        <Status title="Reading the article…" busy>
          <div class="spinner" aria-hidden="true" />
        </Status>
      );
    case 'restricted':
      return (
        <Status title="Lede can't read this page">
          <p>{view.message}</p>
        </Status>
      );
    case 'error':
      return (
        <Status title="Something went wrong">
          <p>{view.message}</p>
        </Status>
      );
    case 'no-article':
      return (
        <Status title={view.source === 'article' ? 'No article found' : 'Nothing to read'}>
          <p>{view.message}</p>
          <div class="actions">
            <button type="button" onClick={() => props.onAnalyze('selection')}>
              Analyze selected text
            </button>
            <button type="button" onClick={() => props.onAnalyze('visible')}>
              Analyze the whole visible text
            </button>
          </div>
        </Status>
      );
    case 'analysis': {
      const a = view.analysis;
      return (
        <>
          <Header analysis={a} />
          {view.source !== 'article' && (
            <p class="note">{view.source === 'selection' ? 'Reading the selected text.' : "Reading the page's visible text."}</p>
          )}
          <AnchorNote view={view} />
          <Toolbar {...props} />
          <KeySentences
            analysis={a}
            length={props.summaryLength}
            onLength={props.onLength}
            onFocus={(i) => props.onFocus('keySentence', i)}
          />
          <Quotes analysis={a} onFocus={(i) => props.onFocus('quote', i)} />
          <Entities analysis={a} selected={props.selectedEntity} onSelect={props.onEntity} />
        </>
      );
    }
  }
}

export function Popup(props: PopupProps) {
  return (
    <div class="popup">
      <main class="content" aria-live="polite">
        <Body {...props} />
      </main>
      <footer class="footer">
        <p class="notice" role="status">
          {props.notice ?? ''}
        </p>
        <div class="footer-row">
          {props.shortcut ? (
            <span>
              Shortcut: <kbd>{props.shortcut}</kbd>
            </span>
          ) : (
            <span />
          )}
          <button type="button" class="link" onClick={props.onOptions}>
            Options
          </button>
        </div>
      </footer>
    </div>
  );
}
