/**
 * The key-sentence model: one weight per feature of features.ts, in FEATURES
 * order. Written by `npm run train:summary` (scripts/train-summary.ts says on
 * what and how): retrain rather than edit.
 */
import { FEATURES } from './features';

export interface SummaryModel {
  features: readonly string[];
  weights: readonly number[];
}

export const SUMMARY_MODEL: SummaryModel = {
  features: FEATURES,
  weights: [
    -2.912, // bias
    0.794, // centrality
    6.023, // centralityForMany
    -0.045, // first
    0.107, // second
    0.075, // third
    0.101, // fourth
    0.009, // fifth
    0.005, // sixthToTenth
    -0.251, // pastTenth
    -0.572, // relativePosition
    0.343, // inLeadK
    0.173, // inLeadKForFew
    2.089, // titleShare
    0.785, // titleShareForMany
    0.279, // entityDensity
    -0.017, // logWords
    0.105, // fragment
    -0.859, // runOn
    0.118, // question
    -0.116, // bareQuote
    0.397, // opensParagraph
  ],
};
