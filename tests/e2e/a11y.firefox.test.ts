// The accessibility scenarios (tests/e2e/scenarios/a11y.ts: axe-core, WCAG 2.2 AA) in real Firefox ESR with .output/firefox-mv2.
import { defineA11yScenarios } from './scenarios/a11y';

defineA11yScenarios('firefox');
