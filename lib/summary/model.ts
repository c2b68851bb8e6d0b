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
    -4.128, // bias
    2.174, // centrality
    14.756, // centralityForMany
    -1.597, // first
    0.826, // second
    0.882, // third
    0.031, // fourth
    -0.323, // fifth
    -0.42, // sixthToTenth
    -0.307, // pastTenth
    -1.72, // relativePosition
    0.446, // inLeadK
    -0.201, // inLeadKForFew
    4.041, // titleShare
    1.649, // titleShareForMany
    -0.26, // entityDensity
    -0.198, // logWords
    0.264, // fragment
    -0.482, // runOn
    -1.079, // question
    -0.603, // bareQuote
    0.121, // opensParagraph
  ],
};
