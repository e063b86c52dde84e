// One training step of the same transformer two ways, for bench/train.bench.mjs:
// - explicitStep: this package (explicit backward pass, fused kernels, JS AdamW) via Trainer
// - autodiffStep: the plain tfjs formulation (tfjs-training.md A.1) differentiated by tfjs
//   autodiff with tf.train.adam, on whatever backend is active (the shims come from useBackend)
import * as tf from "@tensorflow/tfjs-core";
import { CausalLanguageModel, loadSupportCorpus, Tokenizer, Trainer, useWasmSimdKernels } from "../dist/index.js";

export const setSimd = useWasmSimdKernels;

function tokenizerOfSize(v) {
  const c = loadSupportCorpus();
  const tok = Tokenizer.train(
    c.entries.flatMap((e) => [e.prompt, e.response]),
    v,
  );
  if (tok.vocabSize !== v) throw new Error(`corpus gives only ${tok.vocabSize} tokens, asked for ${v}`);
  return tok;
}

function randomBatch(cfg, seed) {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s % cfg.vocabSize;
  };
  const n = cfg.batch * cfg.seqLen;
  return {
    batch: cfg.batch,
    seqLen: cfg.seqLen,
    ids: Int32Array.from({ length: n }, next),
    targets: Int32Array.from({ length: n }, next),
  };
}

export function explicitStep(cfg) {
  const { batch, seqLen, steps, vocabSize, ...arch } = cfg;
  const model = CausalLanguageModel.create(tokenizerOfSize(vocabSize), arch, 0);
  const trainer = new Trainer(model, { learningRate: 1e-3 });
  const data = randomBatch(cfg, 7);
  return { step: () => trainer.step(data), dispose: () => model.dispose() };
}

export function autodiffStep(cfg) {
  const { vocabSize: V, dModel: D, nHeads: H, nLayers: L, dFF: F, batch: B, seqLen: S } = cfg;
  const DH = D / H;
  let seed = 1;
  const w = (shape, std = 0.02) => tf.variable(tf.randomNormal(shape, 0, std, "float32", seed++));
  const ones = (n) => tf.variable(tf.ones([n]));
  const zeros = (n) => tf.variable(tf.zeros([n]));
  const p = { wte: w([V, D]), wpe: w([S, D], 0.01), lnfG: ones(D), lnfB: zeros(D), layers: [] };
  for (let l = 0; l < L; l++) {
    p.layers.push({
      g1: ones(D),
      b1: zeros(D),
      wqkv: w([D, 3 * D]),
      bqkv: zeros(3 * D),
      wo: w([D, D]),
      bo: zeros(D),
      g2: ones(D),
      b2: zeros(D),
      w1: w([D, F]),
      c1: zeros(F),
      w2: w([F, D]),
      c2: zeros(D),
    });
  }
  const vars = [p.wte, p.wpe, p.lnfG, p.lnfB, ...p.layers.flatMap((x) => Object.values(x))];
  const ln = (x, g, b) => {
    const { mean, variance } = tf.moments(x, -1, true);
    return tf.add(tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, 1e-5))), g), b);
  };
  const gelu = (x) =>
    tf.mul(
      tf.mul(x, 0.5),
      tf.add(tf.tanh(tf.mul(tf.add(x, tf.mul(tf.mul(tf.mul(x, x), x), 0.044715)), Math.sqrt(2 / Math.PI))), 1),
    );
  const mask = tf.keep(tf.mul(tf.sub(tf.linalg.bandPart(tf.ones([S, S]), -1, 0), 1), 1e9));
  const data = randomBatch(cfg, 7);
  const ids = tf.keep(tf.tensor1d(data.ids, "int32"));
  const labels = tf.keep(tf.oneHot(tf.tensor1d(data.targets, "int32"), V));
  const heads = (t) => tf.transpose(tf.reshape(t, [B, S, H, DH]), [0, 2, 1, 3]);
  const loss = () => {
    let x = tf.add(tf.reshape(tf.gather(p.wte, ids), [B, S, D]), p.wpe);
    for (const y of p.layers) {
      const h = tf.reshape(ln(x, y.g1, y.b1), [B * S, D]);
      const [q, k, v] = tf.split(tf.add(tf.matMul(h, y.wqkv), y.bqkv), 3, 1).map(heads);
      const att = tf.softmax(tf.add(tf.mul(tf.matMul(q, k, false, true), 1 / Math.sqrt(DH)), mask), -1);
      const o = tf.reshape(tf.transpose(tf.matMul(att, v), [0, 2, 1, 3]), [B * S, D]);
      x = tf.add(x, tf.reshape(tf.add(tf.matMul(o, y.wo), y.bo), [B, S, D]));
      const h2 = tf.reshape(ln(x, y.g2, y.b2), [B * S, D]);
      x = tf.add(x, tf.reshape(tf.add(tf.matMul(gelu(tf.add(tf.matMul(h2, y.w1), y.c1)), y.w2), y.c2), [B, S, D]));
    }
    const logits = tf.matMul(tf.reshape(ln(x, p.lnfG, p.lnfB), [B * S, D]), p.wte, false, true);
    return tf.losses.softmaxCrossEntropy(labels, logits);
  };
  const opt = tf.train.adam(1e-3);
  return {
    step: () => {
      const l = opt.minimize(loss, true, vars);
      l.dataSync();
      l.dispose();
    },
    dispose: () => {
      tf.dispose([...vars, mask, ids, labels]);
      opt.dispose();
    },
  };
}
