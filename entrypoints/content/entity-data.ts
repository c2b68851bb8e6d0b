/**
 * lib/entities/data.ts as the content script is built (wxt.config.ts swaps it
 * in): the model and gazetteer come from the file injected just before
 * (entrypoints/entity-data), not from the content script's own bundle.
 */
import type { EntityData } from '@/lib/entities/data';
import { ENTITY_DATA_KEY } from './entity-data-key';

function injectedData(): EntityData {
  const data = (globalThis as Record<symbol, unknown>)[ENTITY_DATA_KEY] as Partial<EntityData> | undefined;
  if (typeof data?.model !== 'object' || typeof data.gazetteer !== 'object') {
    throw new Error('Lede: the entity data was not injected before the content script (see CONTENT_SCRIPT_FILES).');
  }
  return data as EntityData;
}

export const ENTITY_DATA: EntityData = injectedData();
