// Where the field classifier gets its keyword lists. classify.ts reads them only through
// `fieldKeywordGroups()`, once, on the first classification (never at module evaluation), so a
// build can replace this one module (e.g. the content script's, with lists the background sends)
// without touching the classifier. This version reads assets/keywords/fields.json's groups.
//
// The contract: group name → language (or 'attr') → entries, as in fields.json. Groups the
// classifier does not know are ignored; a group missing here simply never matches.
// The named import keeps the file's $comment out of the bundle.
import { groups } from '../../assets/keywords/fields.json';

export type FieldKeywordGroups = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

/** The keyword groups. Called once per page; the classifier keeps what it builds from them. */
export function fieldKeywordGroups(): FieldKeywordGroups {
  return groups;
}
