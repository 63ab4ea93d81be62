// Stands in for WXT's ContentScriptContext in the content-script build only (swapped in by
// content-script-build.mjs). WXT's entry wrapper makes one and hands it to main(); our scripts
// never use it: each owns its lifetime through a port to the background, because WXT's context
// also ends on a "script started" event that any page can fire (extension ids are public).
// Without it every content script is about 0.8 KiB gzip smaller and listens to nothing the page sends.
export class ContentScriptContext {}
