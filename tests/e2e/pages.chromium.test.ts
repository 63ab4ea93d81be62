// The extension's pages (tests/e2e/scenarios/pages.ts) in real Chromium with .output/chrome-mv3.
import { definePagesScenarios } from './scenarios/pages';

definePagesScenarios('chromium');
