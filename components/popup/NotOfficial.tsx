// Shown when the current tab is not an official carrier site: where the guide does open, calmly.
import { localize } from '../../utils/language';
import { CARRIERS } from '../../utils/carriers';
import type { Language } from '../../utils/types';
import { pt } from './texts';

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function NotOfficial({ lang }: { lang: Language }) {
  const sites = CARRIERS.filter((c) => c.website);
  return (
    <section class="not-official" aria-labelledby="not-official-title">
      <p id="not-official-title">{pt('notOfficial', lang)}</p>
      <ul>
        {sites.map((c) => (
          <li key={c.id} data-carrier={c.id}>
            <span class="carrier-name">{localize(c.name, lang)}</span>{' '}
            <a href={c.website} target="_blank" rel="noreferrer noopener">
              {hostOf(c.website)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
