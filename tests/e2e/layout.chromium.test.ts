// The layout scenarios (tests/e2e/scenarios/layout.ts) in real Chromium with .output/chrome-mv3.
import { defineLayoutScenarios } from './scenarios/layout';

defineLayoutScenarios('chromium');
