/**
 * @kinerja/core — loads YAML rubrics for Indonesian civil-servant (ASN) performance appraisal, proves them
 * sound, compiles them once and evaluates appraisals into scores, a predikat, outcomes and an explanation.
 * Pure and synchronous; runs in Node and browsers.
 *
 * @packageDocumentation
 */

export type { BandTrace } from './compile/compileBands.js';
export {
  type CompiledRubric,
  type CompileOptions,
  compileRubric,
  type EvaluateOptions,
} from './compile/compileRubric.js';
export { compareLower, type Interval, inInterval, parseInterval } from './compile/interval.js';
export type { MeasureTrace, RaterStats, RaterTrace } from './compile/measures/MeasureRuntime.js';
export type { ConditionTrace, Truth } from './conditions/compileCondition.js';
export {
  type CodeInfo,
  type DiagnosticCode,
  diagnosticCatalogue,
  type MessageData,
} from './diagnostics/codes.js';
export { createDiagnostic, type DiagnosticInit } from './diagnostics/createDiagnostic.js';
export type {
  Diagnostic,
  Lang,
  Messages,
  Position,
  Severity,
  Span,
  Stage,
} from './diagnostics/diagnostic.js';
export { KinerjaError } from './diagnostics/KinerjaError.js';
export { fail, hasErrors, ok, type Result } from './diagnostics/result.js';
export type {
  Evaluation,
  EvaluationStatus,
  GroupResult,
  IndicatorResult,
  OutcomeResult,
  RatingTrace,
} from './evaluate/Evaluation.js';
export { evaluateOrThrow, evaluateText } from './evaluate/evaluateText.js';
export { type ExplainOptions, explainEvaluation } from './explain/explainEvaluation.js';
export { redactForEmployee } from './explain/redactForEmployee.js';
export { type LoadRubricOptions, loadRubric, loadRubricOrThrow } from './loadRubric.js';
export { Rational, type RoundingMode } from './numeric/rational.js';
export {
  defaultParseLimits,
  maxSupportedDepth,
  type ParsedDocument,
  type ParseLimits,
  type ParseOptions,
  parseJson,
  parseYaml,
  type SourceLocator,
} from './parse/index.js';
export type { RubricResolver, RubricText } from './resolve/resolveRubric.js';
export type { Appraisal } from './schema/appraisalSchema.js';
export type { Clamp, Label, Rounding } from './schema/common.js';
export type { Condition } from './schema/conditionSchema.js';
export { appraisalJsonSchema, publishedRubricSchema, rubricJsonSchema } from './schema/jsonSchemas.js';
export type { InputRef, Measure, MeasureKind, Role } from './schema/measureSchema.js';
export type {
  Band,
  ExtendingRubric,
  FactDecl,
  Gaps,
  Group,
  Indicator,
  Level,
  Outcome,
  Rubric,
} from './schema/rubricSchema.js';
export type { JsonSchema } from './schema/toJsonSchema.js';
export { decodeUtf8Text } from './text/decodeUtf8Text.js';
