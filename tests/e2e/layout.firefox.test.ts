// The layout scenarios (tests/e2e/scenarios/layout.ts) in real Firefox with .output/firefox-mv2.
import { defineLayoutScenarios } from './scenarios/layout';

defineLayoutScenarios('firefox');
