// The trust scenarios (tests/e2e/scenarios/trust.ts) in real Chromium with .output/chrome-mv3.
import { defineTrustScenarios } from './scenarios/trust';

defineTrustScenarios('chromium');
