/**
 * The entity model and gazetteer, injected by the popup just before the content
 * script (CONTENT_SCRIPT_FILES): they are two thirds of what the page's isolated
 * world parses at a click, and in a file of their own the content script's code
 * keeps its size budget while the model grows (test/unit/manifest.test.ts). It
 * leaves them on the isolated world's global, where the content script's
 * entity-data module (entrypoints/content/entity-data.ts) reads them; no script
 * of the page can see that global.
 */
import { ENTITY_DATA } from '@/lib/entities/data';
import { ENTITY_DATA_KEY } from '../content/entity-data-key';

export default defineUnlistedScript(() => {
  (globalThis as Record<symbol, unknown>)[ENTITY_DATA_KEY] = ENTITY_DATA;
});
