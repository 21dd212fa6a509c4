import { describeRubricCases } from '@kinerja/testing';

describeRubricCases(new URL('../kupang-administrasi.cases.yaml', import.meta.url));
