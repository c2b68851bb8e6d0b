// The background does nothing on its own: the popup injects the content script
// on demand under the activeTab grant. Kept for the keyboard command wiring.
export default defineBackground(() => {});
