import { defineHostileScenarios } from './scenarios/hostile';

defineHostileScenarios('chromium');
