// Install and update: Chrome does not inject content scripts into tabs that are already open.
import { MatchPattern } from 'wxt/utils/match-patterns';
import { officialSite } from '../site-trust';
import { isTabId } from './validate';
import { CARRIERS } from '../carriers';

export interface ManifestContentScript {
  matches?: string[];
  js?: string[];
  css?: string[];
  all_frames?: boolean;
}

export interface InjectDeps {
  contentScripts: ManifestContentScript[];
  queryTabs(): Promise<{ id?: number; url?: string }[]>;
  executeScript(tabId: number, allFrames: boolean, files: string[]): Promise<unknown>;
  insertCSS?(tabId: number, allFrames: boolean, files: string[]): Promise<unknown>;
}

function matches(pattern: string, url: string): boolean {
  try {
    return new MatchPattern(pattern).includes(url);
  } catch {
    return false;
  }
}

/** Injects every content script into every open official tab; one failing tab does not stop the rest. Returns the tab ids reached. */
export async function injectIntoOpenTabs(deps: InjectDeps): Promise<number[]> {
  let tabs: { id?: number; url?: string }[];
  try {
    tabs = await deps.queryTabs();
  } catch {
    return [];
  }
  const reached: number[] = [];
  for (const tab of tabs) {
    const url = tab.url;
    if (!isTabId(tab.id) || !url || !officialSite(url, CARRIERS)) continue;
    let ok = true;
    for (const script of deps.contentScripts) {
      if (script.matches && !script.matches.some((m) => matches(m, url))) continue;
      const allFrames = script.all_frames === true;
      try {
        if (script.css?.length && deps.insertCSS) await deps.insertCSS(tab.id, allFrames, script.css);
        if (script.js?.length) await deps.executeScript(tab.id, allFrames, script.js);
      } catch {
        ok = false; // a tab that closed, crashed or is an error page: skip it
      }
    }
    if (ok) reached.push(tab.id);
  }
  return reached;
}
