/**
 * An element's class attribute as written: what `getAttribute('class')`
 * answers in a browser. linkedom (the CLI's DOM) answers that call by joining
 * its class list anew each time, several times the cost of reading the
 * attribute and a new string each time (so a table keyed by it hashes it
 * again); its attribute, written through that list, holds the same join.
 * (Callers here only ask which names it holds, split on whitespace.)
 */
export function classAttr(el: Element): string | null {
  const attr = el.getAttributeNode('class');
  return attr ? attr.value : null;
}
