export { canonicalJson, canonicalSha256, MAX_CANONICAL_DEPTH } from "./canonical-json.js";
export type {
  CheckOutcome,
  CheckStatus,
  SafetyChecker,
  SafetyCheckerOptions,
  SafetyCheckResult,
  SafetyFinding,
} from "./checker.js";
export { createSafetyChecker, DEFAULT_MAX_SCAN_LENGTH, MAX_FINDINGS } from "./checker.js";
export type { Classifier, ClassifierFinding, ClassifierOutput } from "./classifier.js";
export type { SafetyComponent, SafetyConfig } from "./config.js";
export {
  createSafetyConfig,
  DEFAULT_SAFETY_CONFIG,
  MAX_CONFIG_LENGTH,
  SAFETY_CONFIG_SCHEMA,
  safetyConfigComponent,
  safetyConfigDigest,
  validateSafetyConfig,
} from "./config.js";
export type { DeploymentPolicy, DeploymentRule, DeploymentVerdict, DeploymentViolation } from "./deployment.js";
export { assertDeployable, DEFAULT_DEPLOYMENT_POLICY, verifyDeployment } from "./deployment.js";
export type { DriftReport, SafetyRates } from "./drift.js";
export { DEFAULT_DRIFT_THRESHOLD, detectDrift, safetyRates } from "./drift.js";
export type { SafetyErrorCode, SafetyErrorDetails, SafetyIssue } from "./errors.js";
export { SafetyError } from "./errors.js";
export type { EvaluationError, EvaluationItem, EvaluationLabel, EvaluationReport, LabelScore } from "./evaluate.js";
export { evaluateChecker } from "./evaluate.js";
export type {
  IncidentAction,
  IncidentInput,
  IncidentReport,
  SafetyAlert,
  SafetyAlertType,
  TriageOptions,
} from "./incident.js";
export { RECOMMENDED_ACTIONS, triageIncident } from "./incident.js";
export type { AllowEntry, ContextCondition, ContextRules, Lexicon, LexiconEntry } from "./lexicon.js";
export { DEFAULT_LEXICON } from "./lexicon.js";
export type { LexiconClassifier, LexiconClassifierOptions } from "./lexicon-classifier.js";
export { createLexiconClassifier, MAX_LEXICON_WINDOW } from "./lexicon-classifier.js";
export type { CheckCounts, SafetyMetrics, SubsetCounts } from "./metrics.js";
export {
  emptySafetyMetrics,
  mergeSafetyMetrics,
  passRate,
  recordCheckResult,
  SafetyMetricsCollector,
  safetyMetricsComponent,
  validateSafetyMetrics,
} from "./metrics.js";
export type { ContentWarningRecord, MonitorDecision, RuntimeMonitorOptions } from "./monitor.js";
export { DEFAULT_MONITOR_OPTIONS, RuntimeSafetyMonitor } from "./monitor.js";
export { normalizeText } from "./normalize.js";
export type {
  AgeRating,
  CheckName,
  ContentCategory,
  Direction,
  IncidentCategory,
  Phase,
  SafetyLabel,
  SensitiveTopic,
  Severity,
  WarningTopic,
} from "./taxonomy.js";
export {
  AGE_RATINGS,
  CATEGORY_SEVERITY,
  CHECK_NAMES,
  CONTENT_CATEGORIES,
  DEFAULT_LABEL_RATINGS,
  INCIDENT_CATEGORIES,
  isContentCategory,
  isSafetyLabel,
  isSensitiveTopic,
  isWarningTopic,
  ratingRank,
  SAFETY_LABELS,
  SENSITIVE_TOPICS,
  SEVERITIES,
  severityRank,
  WARNING_TOPICS,
} from "./taxonomy.js";
