// The extension's content scripts: their built files, and their manifest entries. The scripts are
// WXT "unlisted scripts" (entrypoints/guard.ts, panel/index.tsx, probe.ts), so each bundle is its
// source and nothing else: no match patterns or carrier data compiled in to name where it runs, no
// WXT content-script context. wxt.config.ts writes the entries below into the manifest and puts
// the files under content-scripts/; the background registers and injects the same files at run
// time (sites the user enabled, look-alikes, pages open at install).

/** The built files (wxt.config.ts's `entrypoints:resolved` hook puts them in content-scripts/). */
export const CONTENT_SCRIPT_FILES: Readonly<Record<'panel' | 'guard' | 'probe', string[]>> = {
  panel: ['content-scripts/panel.js'],
  guard: ['content-scripts/guard.js'],
  probe: ['content-scripts/probe.js'],
};

/** The entrypoints built as content scripts, by name. */
export const CONTENT_SCRIPT_NAMES: readonly string[] = Object.keys(CONTENT_SCRIPT_FILES);

export interface ManifestContentScript {
  matches: string[];
  js: string[];
  run_at: 'document_end';
  all_frames?: boolean;
  match_about_blank?: boolean;
  match_origin_as_fallback?: boolean;
}

/**
 * The manifest's content scripts on the official pages (`patterns`: utils/match-patterns.ts): the
 * field guard in every frame (payment forms live in iframes, about:blank and blob: ones too), the
 * panel in the top frame. The probe is registered at run time only.
 */
export function manifestContentScripts(patterns: readonly string[]): ManifestContentScript[] {
  return [
    {
      matches: [...patterns],
      js: [...CONTENT_SCRIPT_FILES.guard],
      run_at: 'document_end',
      all_frames: true,
      match_about_blank: true,
      // Frames whose URL has no origin of its own (blob:, data:) count as their creator's (Chromium
      // and Firefox alike: a payment form in a data: frame is still guarded).
      match_origin_as_fallback: true,
    },
    { matches: [...patterns], js: [...CONTENT_SCRIPT_FILES.panel], run_at: 'document_end' },
  ];
}
