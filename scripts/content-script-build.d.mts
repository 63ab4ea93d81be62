import type { InlineConfig } from 'vite';

/** Content-script builds only: no webextension-polyfill, no match patterns, no texts (see the .mjs). */
export function slimContentScripts(entrypoints: readonly { type: string }[], config: InlineConfig): void;
