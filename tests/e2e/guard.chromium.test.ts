import { defineGuardScenarios } from './scenarios/guard';

defineGuardScenarios('chromium');
