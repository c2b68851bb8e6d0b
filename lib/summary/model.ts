/**
 * The key-sentence model: one weight per feature of features.ts, in FEATURES
 * order (model.json, written by `npm run train:summary`, scripts/train-summary.ts
 * says on what and how: retrain rather than edit). The features the file was
 * fitted with must be today's, or the weights would land on the wrong features.
 */
import { FEATURES } from './features';
import fitted from './model.json';

export interface SummaryModel {
  features: readonly string[];
  weights: readonly number[];
}

if (fitted.features.join() !== FEATURES.join()) throw new Error('lib/summary/model.json was fitted on other features: run npm run train:summary');

export const SUMMARY_MODEL: SummaryModel = { features: FEATURES, weights: fitted.weights };
