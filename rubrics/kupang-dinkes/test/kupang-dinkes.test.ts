import { describeRubricCases } from '@kinerja/testing';

describeRubricCases(new URL('../kupang-dinkes.cases.yaml', import.meta.url));
