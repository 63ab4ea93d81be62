// The extension's pages (tests/e2e/scenarios/pages.ts) in real Firefox ESR with .output/firefox-mv2.
import { definePagesScenarios } from './scenarios/pages';

definePagesScenarios('firefox');
