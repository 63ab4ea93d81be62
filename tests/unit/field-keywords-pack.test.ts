// The panel's classifier gets its keyword lists from the background (issue 6): the background
// answers with exactly the lists of assets/keywords/fields.json, and the panel accepts only
// well-formed lists.
import { describe, expect, it } from 'vitest';
import { groups } from '../../assets/keywords/fields.json';
import { handleMessage } from '../../utils/background-router';
import { isFieldKeywordGroups } from '../../utils/panel-texts/field-keywords';
import { TEST_EXTENSION_ID, quietRouterDeps } from './fake-router-deps';

const ID = TEST_EXTENSION_ID;
const deps = quietRouterDeps();

describe('field keywords from the background', () => {
  it('answers a content script with the lists of fields.json, and they pass the panel check', async () => {
    const sender = { id: ID, url: 'https://www.hk.chinamobile.com/tc/login', frameId: 0, tab: { id: 3, incognito: false } };
    const reply = (await handleMessage({ type: 'get-field-keywords' }, sender, deps)) as { groups: unknown };
    const wire = JSON.parse(JSON.stringify(reply.groups)) as unknown;
    expect(wire).toEqual(groups);
    expect(isFieldKeywordGroups(wire)).toBe(true);
  });

  it('the panel refuses malformed lists', () => {
    for (const bad of [null, 'x', [], { otp: ['code'] }, { otp: { en: 'code' } }, { otp: { en: [1] } }, { otp: null }]) {
      expect(isFieldKeywordGroups(bad)).toBe(false);
    }
    expect(isFieldKeywordGroups({})).toBe(true);
  });
});
