/**
 * What the popup shows, as plain data. The popup entrypoint computes it from
 * the content script's replies; the components only render it.
 */
import type { AnchorReport, FocusKind, SummaryLength, TextSource } from '@/lib/messages';
import type { Analysis } from '@/lib/types';

export type PopupView =
  | { kind: 'loading' }
  | { kind: 'restricted'; message: string }
  | { kind: 'no-article'; message: string; title: string | null; source: TextSource }
  | { kind: 'error'; message: string }
  | { kind: 'analysis'; analysis: Analysis; anchoring: AnchorReport; source: TextSource };

export interface PopupActions {
  onLength(length: SummaryLength): void;
  onHighlights(on: boolean): void;
  onFocus(kind: FocusKind, index: number): void;
  /** null clears the entity highlight. */
  onEntity(index: number | null): void;
  onCopy(): void;
  onAnalyze(source: TextSource): void;
  onOptions(): void;
}

export interface PopupProps extends PopupActions {
  view: PopupView;
  summaryLength: SummaryLength;
  highlightsOn: boolean;
  /** Index into analysis.entities of the entity whose mentions are highlighted. */
  selectedEntity: number | null;
  /** The keyboard shortcut that opens the popup, e.g. "Alt+Shift+L"; empty when unset. */
  shortcut: string;
  /** Short status after an action ("Copied", "Couldn't find that passage in the page"). */
  notice: string | null;
}
