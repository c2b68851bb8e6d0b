/**
 * An element's tag name in lower case, `el.tagName.toLowerCase()`, read from
 * `localName`: linkedom (the CLI's DOM) makes `tagName` by upper-casing
 * `localName` on every read, so lowering it again costs two new strings per
 * element, where lowering a name that is lower case already costs none. For a
 * name of ASCII characters (every HTML tag) both give the same; a name with
 * other letters goes the long way, since full Unicode upper-casing (linkedom's)
 * can turn one into ASCII ("ı" → "I").
 */
export function lowerTag(el: Element): string {
  const name = el.localName;
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) > 0x7f) return el.tagName.toLowerCase();
  return name.toLowerCase();
}
