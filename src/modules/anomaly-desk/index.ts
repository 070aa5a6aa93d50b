/** The department's anomaly desk (issue 12 item 4): the queue, decisions and the evidence, for the app and the seed. */
export { anomalyDeskRoutes } from './routes.ts';
export { AnomalyDeskService, originalImageOf, proposedViolationType, type DecisionInput, type DeskItem, type DeskFilter } from './service.ts';
