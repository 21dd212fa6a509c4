import { describeRubricCases } from '@kinerja/testing';

describeRubricCases(new URL('../pp-46-2011.cases.yaml', import.meta.url));
describeRubricCases(new URL('../pp-46-2011-gap-lower.cases.yaml', import.meta.url));
describeRubricCases(new URL('../pp-46-2011-gap-round.cases.yaml', import.meta.url));
describeRubricCases(new URL('../pp-46-2011-truncate.cases.yaml', import.meta.url));
describeRubricCases(new URL('../pp-46-2011-quality-cap.cases.yaml', import.meta.url));
describeRubricCases(new URL('../pp-46-2011-cost-realisation.cases.yaml', import.meta.url));
describeRubricCases(new URL('../pp-46-2011-kreativitas-level.cases.yaml', import.meta.url));
