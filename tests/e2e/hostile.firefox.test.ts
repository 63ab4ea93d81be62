import { defineHostileScenarios } from './scenarios/hostile';

defineHostileScenarios('firefox');
