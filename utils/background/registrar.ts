// Dynamic content scripts (enabled sites, the look-alike probe) behind one face, ScriptRegistrar
// (utils/background/site-registry.ts): `scripting.registerContentScripts` (Chrome; Firefox 102+ in MV2 too),
// persisted across browser restarts; else Firefox's `contentScripts.register`, which lasts as long
// as the background page (reconcile() at start-up registers them again). The browser's APIs are
// passed in (entrypoints/background.ts), so this file imports none.
import { SCRIPT_IDS, type ScriptRegistrar, type ScriptSpec } from './site-registry';

/** scripting.RegisteredContentScript, as far as we write and read it. */
interface RegisteredScript {
  id: string;
  matches?: string[];
  excludeMatches?: string[];
  js?: string[];
  allFrames?: boolean;
  runAt?: string;
  persistAcrossSessions?: boolean;
  matchOriginAsFallback?: boolean;
}

export interface ScriptingLike {
  registerContentScripts(scripts: RegisteredScript[]): Promise<unknown>;
  getRegisteredContentScripts(filter: { ids: string[] }): Promise<RegisteredScript[]>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<unknown>;
}

/** Firefox's contentScripts API (MV2). */
export interface FirefoxContentScripts {
  register(options: {
    matches: string[];
    excludeMatches?: string[];
    js: { file: string }[];
    allFrames: boolean;
    matchAboutBlank: boolean;
    runAt: string;
  }): Promise<{ unregister(): Promise<void> }>;
}

const OUR_SCRIPT_IDS: string[] = Object.values(SCRIPT_IDS);

export function createRegistrar(api: { scripting?: ScriptingLike; contentScripts?: FirefoxContentScripts }): ScriptRegistrar {
  return api.scripting?.registerContentScripts ? scriptingRegistrar(api.scripting) : firefoxRegistrar(api.contentScripts);
}

function scriptingRegistrar(scripting: ScriptingLike): ScriptRegistrar {
  const toBrowser = (s: ScriptSpec, fallback: boolean): RegisteredScript => ({
    id: s.id,
    matches: s.matches,
    ...(s.excludeMatches?.length ? { excludeMatches: s.excludeMatches } : {}),
    js: s.js,
    allFrames: s.allFrames,
    runAt: s.runAt,
    persistAcrossSessions: true,
    ...(s.matchOriginAsFallback && fallback ? { matchOriginAsFallback: true } : {}),
  });
  return {
    async list() {
      const got = await scripting.getRegisteredContentScripts({ ids: OUR_SCRIPT_IDS });
      return got.map((g) => ({
        id: g.id,
        matches: g.matches ?? [],
        excludeMatches: g.excludeMatches ?? [],
        js: g.js ?? [],
        allFrames: g.allFrames === true,
        runAt: g.runAt === 'document_end' ? 'document_end' : 'document_idle',
      }));
    },
    async register(scripts) {
      try {
        await scripting.registerContentScripts(scripts.map((s) => toBrowser(s, true)));
      } catch {
        // A browser without matchOriginAsFallback for registered scripts: the frames then
        // rely on all_frames alone.
        await scripting.registerContentScripts(scripts.map((s) => toBrowser(s, false)));
      }
    },
    async unregister(ids) {
      await scripting.unregisterContentScripts({ ids });
    },
  };
}

function firefoxRegistrar(contentScripts: FirefoxContentScripts | undefined): ScriptRegistrar {
  const handles = new Map<string, { spec: ScriptSpec; unregister(): Promise<void> }>();
  return {
    async list() {
      return [...handles.values()].map((h) => h.spec);
    },
    async register(scripts) {
      if (!contentScripts) throw new Error('No API to register content scripts');
      for (const spec of scripts) {
        const handle = await contentScripts.register({
          matches: spec.matches,
          ...(spec.excludeMatches?.length ? { excludeMatches: spec.excludeMatches } : {}),
          js: spec.js.map((file) => ({ file })),
          allFrames: spec.allFrames,
          matchAboutBlank: spec.allFrames,
          runAt: spec.runAt,
        });
        handles.set(spec.id, { spec, unregister: () => handle.unregister() });
      }
    },
    async unregister(ids) {
      for (const id of ids) {
        await handles.get(id)?.unregister();
        handles.delete(id);
      }
    },
  };
}
