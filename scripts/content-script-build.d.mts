import type { InlineConfig } from 'vite';

/** Content-script builds only: a second minifier pass (see the .mjs). */
export function minifyContentScripts(entrypoints: readonly { type: string; name: string }[], config: InlineConfig, contentScripts: readonly string[]): void;
