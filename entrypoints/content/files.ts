/** What the popup injects to read a page, in order: the entity data first, since the content script reads it as it starts. */
export const CONTENT_SCRIPT_FILES: ('/entity-data.js' | '/content-scripts/content.js')[] = ['/entity-data.js', '/content-scripts/content.js'];
