/**
 * English function words: articles, pronouns, auxiliaries, prepositions,
 * conjunctions and the commonest reporting verbs of news copy ("said"). Words
 * that carry no topic, so content-word statistics (key sentences) skip them.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all almost also although always am among an and another any anyone anything are
  around as at be became because become been before being below between both but by can could did do does doing done
  down during each either else ever every few for from further had has have having he her here hers herself him
  himself his how however i if in into is it its itself just least less like many may me might mine more most much
  must my myself neither no nor not now of off often on once one only or other others our ours ourselves out over own
  per perhaps quite rather really said same say says saying she should since so some still such than that the their
  theirs them themselves then there these they this those though through thus to too toward towards under until up
  upon us very was we were what whatever when where whether which while who whom whose why will with within without
  would yet you your yours yourself yourselves mr mrs ms dr told added according its it's he's she's they're we're
  i'm isn't wasn't aren't weren't don't doesn't didn't can't couldn't won't wouldn't shouldn't hasn't haven't hadn't`
    .split(/\s+/)
    .filter(Boolean),
);
