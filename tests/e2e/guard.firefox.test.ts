import { defineGuardScenarios } from './scenarios/guard';

defineGuardScenarios('firefox');
