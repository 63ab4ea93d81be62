// The trust scenarios (tests/e2e/scenarios/trust.ts) in real Firefox with .output/firefox-mv2.
import { defineTrustScenarios } from './scenarios/trust';

defineTrustScenarios('firefox');
