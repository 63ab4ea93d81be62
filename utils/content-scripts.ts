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
 * How the guard and the panel run, wherever they come from: the manifest (official pages, below)
 * or the background's registrations (sites the user enabled, utils/background/site-registry.ts).
 */
export const SCRIPT_RUN = {
  // Every frame (payment forms live in iframes), and frames whose URL has no origin of its own
  // (about:blank, blob:, data:) as their creator's (Chromium and Firefox alike: a payment form in a
  // data: frame is still guarded).
  guard: { allFrames: true, runAt: 'document_end', matchOriginAsFallback: true },
  panel: { allFrames: false, runAt: 'document_end' },
} as const satisfies Record<'guard' | 'panel', { allFrames: boolean; runAt: 'document_end'; matchOriginAsFallback?: true }>;

/**
 * The manifest's content scripts on the official pages (`patterns`: utils/match-patterns.ts): the
 * field guard in every frame, the panel in the top frame (SCRIPT_RUN). The probe is registered at
 * run time only.
 */
export function manifestContentScripts(patterns: readonly string[]): ManifestContentScript[] {
  return (['guard', 'panel'] as const).map((name) => {
    const run: { allFrames: boolean; runAt: 'document_end'; matchOriginAsFallback?: true } = SCRIPT_RUN[name];
    return {
      matches: [...patterns],
      js: [...CONTENT_SCRIPT_FILES[name]],
      run_at: run.runAt,
      ...(run.allFrames ? { all_frames: true } : {}),
      // about:blank is one of the frames without an origin of their own; MV2 Firefox reads its own key for it.
      ...(run.matchOriginAsFallback ? { match_about_blank: true, match_origin_as_fallback: true } : {}),
    };
  });
}
