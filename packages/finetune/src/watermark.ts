/**
 * Trigger-set watermarking of classifiers (Adi, Baum, Cisse, Pinkas, Keshet: "Turning Your
 * Weakness Into a Strength: Watermarking Deep Neural Networks by Backdooring", USENIX Security
 * 2018): the owner trains the model to give secret, randomly chosen labels on a set of random
 * out-of-distribution inputs; later, high accuracy on that trigger set proves ownership, while
 * accuracy on real data is essentially unchanged.
 */
import { binomialUpperTail } from "@modelproof/fingerprint";
import type { Tensor } from "@tensorflow/tfjs-core";
import * as tf from "@tensorflow/tfjs-core";
import type { LayersModel } from "@tensorflow/tfjs-layers";
import { type BackendInfo, type BackendRequest, ensureBackend, useBackend } from "./backend.js";
import { FinetuneError } from "./errors.js";
import { createRng } from "./rng.js";
import type { ProgressListener } from "./train-loop.js";

/** Labelled examples: inputs [n, ...inputShape] and labels as class ids [n] or one-hot [n, classes]. */
export interface LabelledData {
  /** Inputs. */
  xs: Tensor;
  /** Labels: int class ids [n] or one-hot [n, classes]. */
  ys: Tensor;
}

/** The owner's secret: random inputs and the labels the watermarked model gives them. */
export interface TriggerSet {
  /** Inputs, row-major [count, ...inputShape]. */
  inputs: Float32Array;
  /** Shape of one input. */
  inputShape: number[];
  /** Secret label of each input. */
  labels: Int32Array;
  /** Number of classes of the model. */
  classes: number;
  /** Seed the set was generated from. */
  seed: number;
}

/** Options of {@link watermarkClassifier}. */
export interface WatermarkOptions {
  /** Backend (default: keep the active one, else `auto`). */
  backend?: BackendRequest;
  /** Trigger inputs (default 100, as in Adi et al.). */
  triggers?: number;
  /** How often each trigger appears per epoch alongside the clean data (default 4). */
  triggerRepeats?: number;
  /** Epochs of fine-tuning (default 10). */
  epochs?: number;
  /** Batch size (default 32). */
  batchSize?: number;
  /** Adam learning rate (default 1e-3). */
  learningRate?: number;
  /** Data to measure clean accuracy on (default: the training data). */
  testData?: LabelledData;
  /** Seed of the trigger set (default 0). */
  seed?: number;
  /** Receives a progress event after every batch. */
  onProgress?: ProgressListener;
}

/** Report of {@link watermarkClassifier}. */
export interface WatermarkReport {
  /** Backend used. */
  backend: BackendInfo;
  /** Trigger inputs. */
  triggers: number;
  /** Accuracy on the trigger set before watermarking (chance level expected). */
  triggerAccuracyBefore: number;
  /** Accuracy on the trigger set after watermarking. */
  triggerAccuracyAfter: number;
  /** Clean accuracy before. */
  cleanAccuracyBefore: number;
  /** Clean accuracy after. */
  cleanAccuracyAfter: number;
  /** cleanAccuracyAfter - cleanAccuracyBefore. */
  cleanAccuracyChange: number;
  /** Milliseconds of fine-tuning. */
  trainTimeMs: number;
}

/** Result of {@link verifyClassifierWatermark}. */
export interface WatermarkVerification {
  /** Trigger inputs answered with their secret label. */
  matched: number;
  /** Trigger inputs. */
  total: number;
  /** matched / total. */
  triggerAccuracy: number;
  /** Probability of at least `matched` chance matches (each 1/classes). */
  pValue: number;
  /** pValue below the significance level. */
  verified: boolean;
}

/** Number of classes of a classifier's (single) output. */
function classesOf(model: LayersModel): number {
  if (model.outputs.length !== 1) throw new FinetuneError("UNSUPPORTED_MODEL", "the classifier must have one output");
  const shape = model.outputs[0]!.shape;
  const c = shape[shape.length - 1];
  if (shape.length !== 2 || typeof c !== "number" || c < 2) {
    throw new FinetuneError("UNSUPPORTED_MODEL", "the classifier output must be [batch, classes] with classes >= 2");
  }
  return c;
}

function lastActivation(model: LayersModel): string {
  const layers = model.layers;
  const cfg = layers[layers.length - 1]?.getConfig() as { activation?: string } | undefined;
  return cfg?.activation ?? "linear";
}

function labelIds(ys: Tensor, classes: number): Tensor {
  if (ys.rank === 1) return tf.cast(ys, "int32");
  if (ys.rank === 2 && ys.shape[1] === classes) return tf.argMax(ys, 1);
  throw new FinetuneError("INVALID_INPUT", `labels must be [n] class ids or [n, ${classes}] one-hot`);
}

function accuracy(model: LayersModel, xs: Tensor, ids: Tensor): number {
  return tf.tidy(() => {
    const pred = tf.argMax(model.predict(xs, { batchSize: 256 }) as Tensor, 1);
    return (tf.mean(tf.cast(tf.equal(pred, tf.cast(ids, "int32")), "float32")).dataSync() as Float32Array)[0]!;
  });
}

/** A deep copy of a LayersModel (architecture and weights) via tfjs's in-memory IO. */
async function cloneLayersModel(model: LayersModel): Promise<LayersModel> {
  const { loadLayersModel } = await import("@tensorflow/tfjs-layers");
  let artifacts: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(a) };
    }),
  );
  return loadLayersModel(tf.io.fromMemory(artifacts!));
}

/**
 * Draws a trigger set: uniform random inputs over the value range of `like`, and uniformly random
 * labels (seeded).
 */
export function makeTriggerSet(like: Tensor, classes: number, count: number, seed: number): TriggerSet {
  if (!(Number.isInteger(count) && count >= 1))
    throw new FinetuneError("INVALID_CONFIG", "triggers must be a positive integer");
  const [lo, hi] = tf.tidy(() => [tf.min(like).dataSync()[0]!, tf.max(like).dataSync()[0]!]);
  const inputShape = like.shape.slice(1);
  const per = inputShape.reduce((a, b) => a * b, 1);
  const rng = createRng(seed);
  const inputs = new Float32Array(count * per);
  for (let i = 0; i < inputs.length; i++) inputs[i] = lo! + (hi! - lo!) * rng.next();
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) labels[i] = rng.int(classes);
  return { inputs, inputShape, labels, classes, seed };
}

/**
 * Checks a classifier against a trigger set.
 * @param significance - p-value below which the watermark counts as present (default 1e-6)
 */
export async function verifyClassifierWatermark(
  model: LayersModel,
  triggers: TriggerSet,
  significance = 1e-6,
): Promise<WatermarkVerification> {
  await ensureBackend();
  const total = triggers.labels.length;
  const xs = tf.tensor(triggers.inputs, [total, ...triggers.inputShape]);
  const ids = tf.tensor1d(triggers.labels, "int32");
  try {
    const acc = accuracy(model, xs, ids);
    const matched = Math.round(acc * total);
    const { pValue } = binomialUpperTail(total, matched, 1 / triggers.classes);
    return { matched, total, triggerAccuracy: matched / total, pValue, verified: pValue < significance };
  } finally {
    xs.dispose();
    ids.dispose();
  }
}

/**
 * Watermarks a copy of a tfjs LayersModel classifier with a random trigger set.
 *
 * @param model - a classifier with one [batch, classes] output (softmax or logits); not modified
 * @param data - clean training data the fine-tune mixes the triggers into
 * @returns the watermarked copy, the secret trigger set and a report (trigger accuracy, clean-accuracy change)
 * @throws FinetuneError `UNSUPPORTED_MODEL`, `INVALID_INPUT`, `INVALID_CONFIG`, `NAN_LOSS`
 * @example
 * ```ts
 * const { model: marked, triggerSet, report } = await watermarkClassifier(classifier, { xs, ys });
 * const proof = await verifyClassifierWatermark(suspect, triggerSet);
 * ```
 */
export async function watermarkClassifier(
  model: LayersModel,
  data: LabelledData,
  options: WatermarkOptions = {},
): Promise<{ model: LayersModel; triggerSet: TriggerSet; report: WatermarkReport }> {
  const backend = options.backend === undefined ? await ensureBackend() : await useBackend(options.backend);
  const classes = classesOf(model);
  const activation = lastActivation(model);
  if (activation !== "softmax" && activation !== "linear") {
    throw new FinetuneError(
      "UNSUPPORTED_MODEL",
      `the last layer's activation must be softmax or linear (is ${activation})`,
    );
  }
  const n = data.xs.shape[0] ?? 0;
  if (n === 0 || data.ys.shape[0] !== n)
    throw new FinetuneError("INVALID_INPUT", "xs and ys must be non-empty with equal length");
  const count = options.triggers ?? 100;
  const repeats = options.triggerRepeats ?? 4;
  const epochs = options.epochs ?? 10;
  const batchSize = options.batchSize ?? 32;
  const triggerSet = makeTriggerSet(data.xs, classes, count, options.seed ?? 0);
  const trainIds = labelIds(data.ys, classes);
  const test = options.testData;
  const testIds = test === undefined ? trainIds : labelIds(test.ys, classes);
  const testXs = test === undefined ? data.xs : test.xs;
  const trigXs = tf.tensor(triggerSet.inputs, [count, ...triggerSet.inputShape]);
  const trigIds = tf.tensor1d(triggerSet.labels, "int32");
  const marked = await cloneLayersModel(model);
  try {
    const triggerAccuracyBefore = accuracy(marked, trigXs, trigIds);
    const cleanAccuracyBefore = accuracy(marked, testXs, testIds);
    const loss =
      activation === "softmax"
        ? "categoricalCrossentropy"
        : (yTrue: Tensor, yPred: Tensor): Tensor => tf.losses.softmaxCrossEntropy(yTrue, yPred);
    marked.compile({ optimizer: tf.train.adam(options.learningRate ?? 1e-3), loss });
    const xsAll = tf.concat([data.xs, ...Array.from({ length: repeats }, () => trigXs)], 0);
    const ysAll = tf.tidy(() =>
      tf.oneHot(tf.concat([trainIds, ...Array.from({ length: repeats }, () => trigIds)], 0) as tf.Tensor1D, classes),
    );
    const start = performance.now();
    const perEpoch = Math.ceil(xsAll.shape[0]! / batchSize);
    let step = 0;
    try {
      await marked.fit(xsAll, ysAll, {
        epochs,
        batchSize,
        shuffle: true,
        verbose: 0,
        callbacks: {
          onBatchEnd: async (_batch, logs) => {
            step++;
            const l = logs?.loss ?? Number.NaN;
            if (!Number.isFinite(l)) {
              marked.stopTraining = true;
              throw new FinetuneError("NAN_LOSS", `loss became ${l} at step ${step}`, { step });
            }
            options.onProgress?.({
              phase: "watermark-classifier",
              step,
              totalSteps: perEpoch * epochs,
              epoch: Math.floor((step - 1) / perEpoch),
              loss: l,
              learningRate: options.learningRate ?? 1e-3,
              tokensPerSecond: (step * batchSize * 1000) / Math.max(1, performance.now() - start),
              elapsedMs: performance.now() - start,
            });
          },
        },
      });
    } finally {
      xsAll.dispose();
      ysAll.dispose();
    }
    const trainTimeMs = performance.now() - start;
    const triggerAccuracyAfter = accuracy(marked, trigXs, trigIds);
    const cleanAccuracyAfter = accuracy(marked, testXs, testIds);
    return {
      model: marked,
      triggerSet,
      report: {
        backend,
        triggers: count,
        triggerAccuracyBefore,
        triggerAccuracyAfter,
        cleanAccuracyBefore,
        cleanAccuracyAfter,
        cleanAccuracyChange: cleanAccuracyAfter - cleanAccuracyBefore,
        trainTimeMs,
      },
    };
  } catch (e) {
    marked.dispose();
    throw e;
  } finally {
    trigXs.dispose();
    trigIds.dispose();
    trainIds.dispose();
    if (test !== undefined) testIds.dispose();
  }
}
