// The panel scenarios (tests/e2e/scenarios/panel.ts) in real Chromium with .output/chrome-mv3.
import { definePanelScenarios } from './scenarios/panel';

definePanelScenarios('chromium');
