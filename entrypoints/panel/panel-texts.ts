// The panel's texts part. The background sends them one language at a time (utils/text-pack.ts)
// with what else the panel needs of the data: the page's carrier as the interface shows it, every
// carrier's official hosts, and the stylesheet. So the bundle carries no guide text, carrier data
// or CSS, and there is one copy of each rule (the background's).
import type { Language } from '../../utils/types';
import { textsFromPack, type TextPack } from '../../utils/texts';
import type { PageSite } from '../../utils/site-trust';
import type { PanelRun } from './panel-run';
import { send } from './send';

/**
 * The pack in `lang`; without one (the first time, unless the user chose a language) the
 * background picks it from the page's and the browser's language tags and says which in the pack.
 * Null when the background did not answer.
 */
export async function fetchTexts(site: PageSite, doc: Document, lang?: Language): Promise<TextPack | null> {
  const reply = await send(
    lang
      ? { type: 'get-texts', lang, carrier: site.carrier }
      : { type: 'get-texts', pageLang: doc.documentElement.lang, browserLang: navigator.language, carrier: site.carrier },
  );
  return reply.ok && reply.value.carrier ? reply.value : null;
}

/** Changes the panel's language; when answers cross, the latest wish wins. */
export function languageSwitcher(run: PanelRun): (lang: Language) => void {
  let wanted = run.store.get().texts.lang;
  return (lang) => {
    if (lang === wanted) return;
    wanted = lang;
    void fetchTexts(run.site, run.doc, lang).then((pack) => {
      if (pack?.carrier && wanted === lang) run.store.set({ texts: textsFromPack(pack), carrier: pack.carrier });
    });
  };
}
