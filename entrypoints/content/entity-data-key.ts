/** Where entrypoints/entity-data leaves the entity data for the content script: a registered symbol of the isolated world. */
export const ENTITY_DATA_KEY = Symbol.for('lede.entity-data');
