import { describeRubricCases } from '@kinerja/testing';

describeRubricCases(new URL('../permenpanrb-6-2022.cases.yaml', import.meta.url));
