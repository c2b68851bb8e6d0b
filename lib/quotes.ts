import type { Entity, Quote, Span } from './types';

export function findQuotes(_text: string, _sentences: Span[], _entities: Entity[]): Quote[] {
  return [];
}
