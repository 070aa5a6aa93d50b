export { formatComponentId, parseComponentId } from '../../../../src/modules/components/rules/component-id.ts';
