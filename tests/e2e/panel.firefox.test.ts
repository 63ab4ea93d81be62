// The panel scenarios (tests/e2e/scenarios/panel.ts) in real Firefox ESR with .output/firefox-mv2.
import { definePanelScenarios } from './scenarios/panel';

definePanelScenarios('firefox');
