// Where the user turned the guide off (issue 14): everywhere, on one site, or not at all. One rule
// for the panel, the toolbar icon, the popup and the settings page, so they never disagree.
import type { Settings } from './types';

export type GuideOff = 'everywhere' | 'site' | null;

/** Whether the guide (the panel) is off on `host`; null when it is on. */
export function guideOff(settings: Pick<Settings, 'disabledEverywhere' | 'disabledHosts'> | null | undefined, host: string | null | undefined): GuideOff {
  if (!settings) return null;
  if (settings.disabledEverywhere) return 'everywhere';
  return host && settings.disabledHosts.includes(host) ? 'site' : null;
}

/** The settings patch that turns the guide back on for `host` (and everywhere, if it was off everywhere). */
export function turnOnPatch(settings: Pick<Settings, 'disabledHosts'>, host: string | null): Pick<Settings, 'disabledEverywhere' | 'disabledHosts'> {
  return { disabledEverywhere: false, disabledHosts: settings.disabledHosts.filter((h) => h !== host) };
}

/** The settings patch that turns the guide off on `host` only (the popup's switch); the list stays sorted, each host once. */
export function turnOffSitePatch(settings: Pick<Settings, 'disabledHosts'>, host: string): Pick<Settings, 'disabledHosts'> {
  return { disabledHosts: [...new Set([...settings.disabledHosts, host])].sort() };
}
