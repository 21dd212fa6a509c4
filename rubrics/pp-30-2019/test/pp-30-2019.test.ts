import { describeRubricCases } from '@kinerja/testing';

describeRubricCases(new URL('../pp-30-2019.cases.yaml', import.meta.url));
describeRubricCases(new URL('../pp-30-2019-360.cases.yaml', import.meta.url));
