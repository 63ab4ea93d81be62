import { defineCalloutScenarios } from './scenarios/callout';

defineCalloutScenarios('firefox');
