import type { Analysis, EntityType } from '@/lib/types';
import { entityLimitNote } from '@/lib/limits';

const GROUPS: Array<{ type: EntityType; label: string }> = [
  { type: 'person', label: 'People' },
  { type: 'organization', label: 'Organizations' },
  { type: 'place', label: 'Places' },
];

interface Props {
  analysis: Analysis;
  selected: number | null;
  onSelect(index: number | null): void;
}

/** Entity indices of one type, most mentioned first (ties: first named first). */
export function entitiesOfType(analysis: Analysis, type: EntityType): number[] {
  return analysis.entities
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.type === type)
    .sort((a, b) => b.e.count - a.e.count || (a.e.mentions[0]?.start ?? 0) - (b.e.mentions[0]?.start ?? 0))
    .map(({ i }) => i);
}

export function Entities({ analysis, selected, onSelect }: Props) {
  const limit = entityLimitNote(analysis.limits);
  return (
    <section class="section" aria-labelledby="entities-heading">
      <h2 id="entities-heading">Who and where</h2>
      {limit && (
        <p class="note entity-limit" role="note">
          {limit}
        </p>
      )}
      {analysis.entities.length === 0 && <p class="empty">No people, organizations or places found.</p>}
      {GROUPS.map(({ type, label }) => {
        const indices = entitiesOfType(analysis, type);
        if (indices.length === 0) return null;
        return (
          <div class="entity-group" key={type}>
            <h3 id={`entities-${type}`}>
              {label} <span class="count">{indices.length}</span>
            </h3>
            <ul class="entities" aria-labelledby={`entities-${type}`}>
              {indices.map((i) => {
                const e = analysis.entities[i];
                const on = selected === i;
                return (
                  <li key={i}>
                    <button
                      type="button"
                      class={`entity entity-${type}`}
                      aria-pressed={on}
                      aria-label={`${e.name}, ${e.count} ${e.count === 1 ? 'mention' : 'mentions'}`}
                      onClick={() => onSelect(on ? null : i)}
                    >
                      {e.name} <span class="count">{e.count}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
