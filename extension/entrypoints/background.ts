// The extension's background service worker. It grows with the extension issue (overlay, popup, notes);
// for now it only exists so that `wxt prepare` can generate the project's types.
export default defineBackground(() => {});
