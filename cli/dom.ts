/**
 * A DOM for Node: the CLI, the evaluation scripts and the benchmark all parse
 * HTML through this one function, so they measure what the CLI does.
 */
import { parseHTML } from 'linkedom';

export function parseHtmlDocument(html: string, url?: string): Document {
  const { document } = parseHTML(html);
  if (url) {
    // Readability resolves relative links against documentURI / baseURI.
    try {
      Object.defineProperty(document, 'documentURI', { value: url, configurable: true });
      Object.defineProperty(document, 'baseURI', { value: url, configurable: true });
    } catch {
      /* a DOM that refuses is fine: links stay relative */
    }
  }
  return document as unknown as Document;
}
