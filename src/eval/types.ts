/**
 * The contracts of the evaluation framework. A feature plugs in with one
 * `src/features/<feature>/eval/suite.ts` exporting an {@link EvalSuite}: its `Feature`
 * object, its prompt versions, its graders, its judge rubric and its dataset.
 */
import type { Principal } from '../guard/auth/principal.js';
import type { Feature, FeatureContext } from '../features/common/feature.js';
import type { Spotlight } from '../guard/injection/spotlight.js';
import type { GenerationTarget } from '../features/common/draft-generator.js';
import type { Logger } from 'pino';
import type { LlmManager } from '../llm/generation.js';
import type { ChatMessage } from '../llm/types.js';
import type { GenerationRecord } from '../store/types.js';
import type { EvalCase } from './cases.js';

/** How a metric is read and gated. */
export interface MetricDefinition {
  /** camelCase, unique within the feature (`factRecall`, `hallucinationRate`). */
  name: string;
  /** One sentence for reports. */
  description: string;
  /** `higher`: larger is better; `lower`: smaller is better. */
  direction: 'higher' | 'lower';
  /**
   * Largest worsening against the baseline (absolute, in the metric's unit) the gate lets
   * through; null: reported, never gated.
   */
  threshold: number | null;
  /** `ratio`: a share in [0, 1], shown as a percentage; `number`: shown as is. */
  unit: 'ratio' | 'number';
}

/** A case's value of each metric; null when the metric does not apply to the case. */
export type CaseMetrics = Record<string, number | null>;

/** What a generation produced for one case, as graders see it. */
export interface GenerationOutcome<Output> {
  /** The draft completed with a schema-valid output. */
  ok: boolean;
  /** The schema-valid structured output (citation marks removed); null when the generation failed. */
  output: Output | null;
  /** The stored output: every statement marked `unverified: true|false`, plus `unverifiedCount`. */
  marked: Record<string, unknown> | null;
  /** The rendered markdown a person reads. */
  text: string;
  /** Stable error code of a failed generation (`INVALID_MODEL_OUTPUT`, `PROVIDER_UNAVAILABLE`...). */
  errorCode: string | null;
  errorMessage: string | null;
  generation: GenerationRecord | null;
}

/** A grader's verdict on one case. */
export interface CaseGrade {
  metrics: CaseMetrics;
  /** Why points were lost (missing facts, unsupported entities...), for the report. */
  notes: string[];
}

/** A feature's metrics and how one output is graded. */
export interface FeatureGraders<Output> {
  metrics: readonly MetricDefinition[];
  grade(evalCase: EvalCase, outcome: GenerationOutcome<Output>): CaseGrade;
}

/** Everything the runner needs to evaluate one feature. */
export interface EvalSuite<Input extends Record<string, unknown>, Output> {
  /** The feature object the service uses: same schema, validation, citations and rendering. */
  feature: Feature<Input, Output>;
  /** Prompt versions a variant may name: the feature's own, plus eval-only ones (deliberately worse baselines). */
  promptVersions: readonly string[];
  /** The prompt of `version` (one of `promptVersions`) for a context. */
  buildPrompt(version: string, context: FeatureContext<Input>, spotlight: Spotlight): ChatMessage[];
  graders: FeatureGraders<Output>;
  /** What the LLM judge compares two outputs on, as numbered criteria. */
  rubric: string;
  /** Absolute path of the dataset (`cases.jsonl` next to the suite). */
  casesFile: string;
  /** The feature context of a case, as the feature's service would build it. */
  context(evalCase: EvalCase, principal: Principal): FeatureContext<Input>;
  /** What the draft is attached to. */
  target(evalCase: EvalCase): GenerationTarget;
  /**
   * Work the feature's service does before it generates, through the variant's manager (the
   * postmortem condenses a long incident's log in stages first). Returns the feature object
   * and context to generate with; the feature must use `tools.promptVersion`. Absent: the
   * suite's `feature`, with `buildPrompt(promptVersion)`, and `context()` as they are.
   */
  prepare?(evalCase: EvalCase, context: FeatureContext<Input>, tools: PrepareTools): Promise<{ feature: Feature<Input, Output>; context: FeatureContext<Input> }>;
}

/** What {@link EvalSuite.prepare} may use. */
export interface PrepareTools {
  /** The variant's manager: the same route the generation takes. */
  manager: LlmManager;
  promptVersion: string;
  logger: Logger;
}

/**
 * A suite with its types erased, for the registry of every feature. Members are methods, so
 * a concrete suite is assignable to it.
 */
export type AnyEvalSuite = EvalSuite<Record<string, unknown>, unknown>;

/** Every suite found, by feature name. */
export type SuiteRegistry = ReadonlyMap<string, AnyEvalSuite>;
