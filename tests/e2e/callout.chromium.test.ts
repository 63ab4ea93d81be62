import { defineCalloutScenarios } from './scenarios/callout';

defineCalloutScenarios('chromium');
