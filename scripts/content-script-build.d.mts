import type { InlineConfig } from 'vite';

/** Content-script builds only: no webextension-polyfill, match patterns inlined (see the .mjs). */
export function slimContentScripts(
  entrypoints: readonly { type: string }[],
  config: InlineConfig,
  options: { matchPatterns: string[] },
): void;
