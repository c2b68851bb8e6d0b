/**
 * The entity stage's data: the tagger's weights (model.json, written by
 * scripts/train-entities.ts) and the gazetteer's lists (gazetteer.json). The
 * only module that imports them, so the extension can ship them in a file of
 * their own (see wxt.config.ts); Node (CLI, eval, tests) reads them from here.
 */
import type { CodedGazetteerLists } from './gazetteer';
import type { EncodedModel } from './model-codec';
import model from './model.json';
import gazetteer from './gazetteer.json';

export interface EntityData {
  model: EncodedModel;
  gazetteer: CodedGazetteerLists;
}

export const ENTITY_DATA: EntityData = { model: model as EncodedModel, gazetteer: gazetteer as CodedGazetteerLists };
