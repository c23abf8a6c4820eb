/** Scenarios: share links, embed parameters, files, autosave. Pure: no DOM, no clock. */
export { SCENARIO_VERSION, emptyScenario, type ScenarioDoc, type LayoutTree } from './scenario';
export {
  SHARE_ERROR_TEXT,
  type ShareError,
  type ShareErrorCode,
  type ShareRepair,
  type ShareRepairCode,
} from './errors';
export { LIMITS } from './limits';
export { stripControl } from './text';
export {
  encodeScenario,
  decodeScenario,
  scenarioToJson,
  scenarioFromJson,
  scenarioFromValue,
  type DecodeOptions,
} from './codec';
export type { Loaded } from './validate';
