/** The packet journey of a line: steps, packets, deciding rows, explanations, filters, step-mode snapshots. */
export * from './types';
export { buildJourney, protoOfHeaders, type JourneyOptions } from './build';
export { decisionTable, type DecisionTable, type TableRow } from './decide';
export { filterSteps, journeyPlaces } from './filter';
export { packetLayers, changedFields, type Layer, type LayerField, type LayerId } from './layers';
export { JOURNEY_TEXT, journeyText, journeyRows, formatSince, fillTemplate } from './text';
export type { JourneyText } from './locales/en';
export {
  StepRecorder,
  worldAfter,
  outputAfter,
  type StepTape,
  type StepPoint,
  type StepOutput,
} from './steps';
