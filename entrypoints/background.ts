// The background does nothing on its own: the popup injects the content script
// on demand under the activeTab grant, and the keyboard shortcut (_execute_action)
// opens the popup without any code. The (empty) service worker stays because the
// end-to-end tests find the extension's id and query tabs through it.
export default defineBackground(() => {});
