/**
 * Raw data recomputed by the standards' own formulas (issue 12 item 3): pure rules, table-tested. Other modules use
 * these through this front door.
 */
export {
  areaMeanRebound,
  angleCorrected,
  faceCorrected,
  correctedRebound,
  carbonationForTable,
  nonPumpedStrength,
  pumpedStrength,
  recomputeRebound,
  type AreaStrength,
  type ReboundArea,
  type ReboundInput,
  type ReboundResult,
  type TestAngle,
  type TestFace,
} from './rebound.ts';
