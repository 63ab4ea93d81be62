// The panel's texts and carrier in tests, as the panel gets them: from the background's pack.
import { buildTextPack } from '../../utils/text-pack';
import { textsFromPack, type Texts } from '../../utils/texts';
import type { Carrier, CarrierId, Language } from '../../utils/types';

export function panelTexts(lang: Language, carrier: CarrierId = 'cmhk'): Texts {
  return textsFromPack(buildTextPack(lang, carrier));
}

export function panelCarrier(carrier: CarrierId = 'cmhk', lang: Language = 'en'): Carrier {
  return buildTextPack(lang, carrier).carrier!;
}
