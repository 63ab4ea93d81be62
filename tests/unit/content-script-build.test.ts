// Issue 12: what the content scripts run is their source as a reader opens it. The content
// scripts' build step may minify, never swap a module: no alias, no load or resolve hook.
import { describe, expect, it } from 'vitest';
import { minifyContentScripts } from '../../scripts/content-script-build.mjs';
import { CONTENT_SCRIPT_NAMES } from '../../utils/content-scripts';

type Plugin = Record<string, unknown>;

describe('content-script build', () => {
  it('adds one minifier pass to the content scripts and changes nothing they resolve', () => {
    for (const name of CONTENT_SCRIPT_NAMES) {
      const config: { resolve?: unknown; plugins?: Plugin[] } = {};
      minifyContentScripts([{ type: 'unlisted-script', name }], config as never, CONTENT_SCRIPT_NAMES);
      expect(config.resolve).toBeUndefined();
      expect(config.plugins).toHaveLength(1);
      const hooks = Object.keys(config.plugins![0]!).filter((k) => typeof config.plugins![0]![k] === 'function');
      expect(hooks).toEqual(['generateBundle']);
    }
  });

  it('leaves every other build alone (pages, the background)', () => {
    for (const entry of [{ type: 'background', name: 'background' }, { type: 'popup', name: 'popup' }, { type: 'unlisted-script', name: 'other' }]) {
      const config: { plugins?: Plugin[] } = {};
      minifyContentScripts([entry], config as never, CONTENT_SCRIPT_NAMES);
      expect(config.plugins).toBeUndefined();
    }
  });
});
