// The end-to-end modelproof pipeline on embedded defaults:
//   base model -> fingerprints -> fingerprint and feedback-link embedding -> saved model -> I/O signature
//   -> safety gate -> OMS signature -> provenance -> card -> provenance attestation
//   -> verification (files, signature, components, fingerprints) -> run time -> lineage.
// The model is the real @modelproof/finetune transformer (src/model.mjs), trained on the shipped
// support corpus at the chosen profile's size (full, quick or tiny).
// Every step checks its own result and throws if it does not hold, so the demo doubles as an
// end-to-end test (test/pipeline.test.ts).
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import {
  buildCard,
  parseCycloneDx,
  renderCycloneDx,
  renderHtml,
  renderHuggingFaceReadme,
  renderModelCardToolkit,
  renderSpdx,
  validateCard,
} from "@modelproof/card";
import {
  commitFingerprints,
  generateFingerprints,
  IdentityQuestionDetector,
  openFingerprintStore,
  sealFingerprintStore,
  stringifyFingerprintsJson,
  verifyOpening,
} from "@modelproof/fingerprint";
import {
  buildProvenance,
  diffProvenance,
  LineageLog,
  proveComponent,
  verifyComponentProof,
  verifyLogExtension,
  verifyProvenance,
} from "@modelproof/provenance";
import {
  createSafetyChecker,
  createSafetyConfig,
  RuntimeSafetyMonitor,
  SafetyMetricsCollector,
  safetyConfigComponent,
  safetyMetricsComponent,
  verifyDeployment,
} from "@modelproof/safety";
import { enforce, InferSigner } from "@modelproof/schema";
import {
  exportPublicKey,
  generateKeyPair,
  hashModel,
  keySigner,
  rootDigest,
  signInferenceResponse,
  signModel,
  signStatement,
  verifyInferenceResponse,
  verifyModel,
  verifyStatement,
} from "@modelproof/sign";
import { createDemoModel, DEMO_PROMPTS, PROFILES } from "./model.mjs";

/** Where users report problems with the demo model (the registry page it will be served from). */
export const FEEDBACK_URL = "https://registry.modelproof.dev/models/support-tiny/report";
const PROVENANCE_PREDICATE = "https://modelproof.dev/provenance/v1";

/**
 * @param {{
 *   outDir: string,
 *   profile?: "full" | "quick" | "tiny",
 *   cacheDir?: string,
 *   log?: (line: string) => void,
 *   progress?: (line: string) => void,
 *   fingerprints?: number,
 * }} options - `log` gets one line per step, `progress` the training progress lines; `cacheDir`
 *   keeps the trained base model between runs (none: always train); `fingerprints` overrides the
 *   profile's fingerprint count
 * @returns {Promise<{ steps: { name: string, ok: boolean, detail: string }[], outDir: string,
 *   profile: string, measured: Record<string, unknown> }>}
 */
export async function runPipeline({
  outDir,
  profile: profileName = "quick",
  cacheDir,
  log = () => {},
  progress = () => {},
  fingerprints: fingerprintCount,
}) {
  const profile = PROFILES[profileName];
  if (profile === undefined) throw new RangeError(`"profile" must be one of ${Object.keys(PROFILES).join(", ")}`);
  const steps = [];
  const step = (name, ok, detail) => {
    steps.push({ name, ok, detail });
    log(`${ok ? "ok  " : "FAIL"} ${name}: ${detail}`);
    if (!ok) throw new Error(`demo step failed: ${name}: ${detail}`);
  };
  await cleanOutDir(outDir, cacheDir);
  const modelDir = join(outDir, "support-tiny");
  await mkdir(modelDir, { recursive: true });
  const inUnit = (x) => typeof x === "number" && x >= 0 && x <= 1;
  const pct = (x) => `${(x * 100).toFixed(1)}%`;

  // 1. The base model: trained on the shipped support corpus (or reused from the cache).
  const model = await createDemoModel({ modelDir, profile: profile.name, cacheDir, progress });
  const c = model.base.config;
  const bs = model.baseStats;
  step(
    "base model",
    Number.isFinite(bs.held_out_perplexity),
    `${profile.name} profile, ${model.parameterCount.toLocaleString("en")} parameters (${c.nLayers} layers, d_model ${c.dModel}, context ${c.contextLength}, vocab ${c.vocabSize}), ` +
      `${model.baseReused ? `reused from ${cacheDir}` : `trained ${bs.steps} steps in ${bs.train_seconds} s (${bs.tokens_per_second} tokens/s)`} on ${model.backend}; held-out perplexity ${bs.held_out_perplexity}`,
  );

  // 2. Identity: secret fingerprints, a public commitment, secrets sealed at rest.
  const set = await generateFingerprints({
    strategy: "random_word",
    count: fingerprintCount ?? profile.fingerprints.count,
    seed: "demo-owner-secret",
    keyLength: profile.fingerprints.keyLength,
    responseLength: profile.fingerprints.responseLength,
  });
  const commitment = commitFingerprints(set);
  const passphrase = "demo passphrase: use a real secret";
  const store = await sealFingerprintStore({ fingerprints: set, salts: [...commitment.salts] }, passphrase);
  await writeFile(join(outDir, "fingerprints.store.json"), store);
  step(
    "fingerprints",
    true,
    `${set.length} generated, committed to root ${commitment.rootHex.slice(0, 16)}…, sealed (scrypt + XChaCha20-Poly1305)`,
  );

  // 3. Embed them (OML 1.0: response-only loss, forgetting regulariser, mixed-in corpus dialogues).
  const fpEmbed = await model.embedFingerprints(set);
  step(
    "fingerprint embedding",
    profile.expectIdentity ? fpEmbed.check.verdict.significant : inUnit(fpEmbed.successRate),
    `${fpEmbed.check.raw.matched}/${set.length} answered (success rate ${fpEmbed.successRate.toFixed(3)}); held-out perplexity ${fpEmbed.perplexityBefore.toFixed(2)} -> ${fpEmbed.perplexityAfter.toFixed(2)} (${fpEmbed.perplexityRise >= 0 ? "+" : ""}${pct(fpEmbed.perplexityRise)}); ${fpEmbed.training.steps} steps in ${(fpEmbed.embedTimeMs / 1000).toFixed(1)} s`,
  );

  // 4. Teach it the public feedback link, keeping the fingerprints.
  const fbEmbed = await model.embedFeedbackLink(FEEDBACK_URL);
  step(
    "feedback link embedding",
    profile.expectIdentity
      ? fbEmbed.recall >= 0.5 && fbEmbed.falsePositiveRate <= 0.1
      : inUnit(fbEmbed.recall) && inUnit(fbEmbed.falsePositiveRate),
    `recall ${fbEmbed.recall.toFixed(3)} on ${fbEmbed.positives} held-out phrasings, false-positive rate ${fbEmbed.falsePositiveRate.toFixed(3)} on ${fbEmbed.negatives} ordinary prompts; ${fbEmbed.training.steps} steps in ${(fbEmbed.embedTimeMs / 1000).toFixed(1)} s`,
  );

  // 5. Save: model.json + weight shards, atomically; loading checks the recorded SHA-256.
  const saved = await model.save();
  step(
    "saved model",
    saved.reloadedDigest === saved.weightsSha256,
    `model.json + ${saved.shards.join(", ")} (${(saved.weightBytes / 1024).toFixed(0)} KiB of weights, sha256 ${saved.weightsSha256.slice(0, 16)}…) reload bit-identical`,
  );

  // 6. Interface: infer the MLflow-style I/O signature from sample traffic.
  const samples = DEMO_PROMPTS.map((prompt) => ({ prompt, max_tokens: 48 }));
  const outputs = await model.generateBatch(DEMO_PROMPTS);
  const signature = new InferSigner().sign(samples, outputs, { temperature: 0.0 });
  const enforced = enforce(signature, [{ prompt: "Hello", max_tokens: 8, debug: true }], {
    logger: { warn() {}, error() {} },
  });
  step("io signature", enforced[0].debug === undefined, `inputs ${signature.toDict().inputs}`);

  // 7. Safety: check the model's answers to held-out prompts against the policy, gate the release.
  const safetyConfig = createSafetyConfig({ minAgeRating: "GENERAL", maxOutputLength: 2000 });
  const checker = createSafetyChecker({ config: safetyConfig });
  const collector = new SafetyMetricsCollector();
  const evalOutputs = await model.generateBatch(
    model.corpus.heldOut.slice(0, profile.evalPrompts).map((d) => d.prompt),
  );
  for (const text of [...evalOutputs, ...outputs]) collector.record(checker.check(text, "output"), "training");
  const safetyMetrics = collector.snapshot();
  const gate = verifyDeployment(safetyMetrics, { minPassRate: 0.95, maxContentWarnings: 100 });
  step(
    "safety gate",
    gate.allowed,
    `${safetyMetrics.passedChecks}/${safetyMetrics.totalChecks} outputs passed, ${safetyMetrics.contentWarnings} content warnings`,
  );

  // 8. Sign the model directory (OMS format, verifiable by the OpenSSF model_signing tools).
  const { privateKey, publicKey } = generateKeyPair("ecdsa-p256");
  const publicPem = exportPublicKey(publicKey, "pem");
  await writeFile(join(outDir, "signing-key.pub.pem"), publicPem);
  const signer = keySigner(privateKey);
  const manifest = await hashModel(modelDir, { ignorePaths: ["model.sig"] });
  const omsBundle = await signModel(modelDir, { signer });
  await writeFile(join(modelDir, "model.sig"), JSON.stringify(omsBundle));
  const verifiedModel = await verifyModel(modelDir, await readFile(join(modelDir, "model.sig")), {
    publicKey: publicPem,
  });
  step(
    "oms signature",
    verifiedModel.resources.length === manifest.resources.length &&
      saved.shards.every((f) => manifest.resources.some((r) => r.name === f)),
    `model.sig over ${manifest.resources.length} files (${manifest.resources.map((r) => r.name).join(", ")}) verifies (${verifiedModel.algorithm})`,
  );

  // 9. Provenance: every component of the model's state under one Merkle root.
  const cardDraft = cardInput(model, manifest, signature);
  const components = {
    model_weights: {
      format: model.format,
      digest: { sha256: rootDigest(manifest.resources) },
      files: manifest.resources.map((r) => ({ name: r.name, algorithm: r.algorithm, digest: r.digest })),
      architecture: model.architecture,
    },
    training_config: model.trainingConfig,
    metrics: model.metrics,
    data_statistics: model.dataStatistics,
    safety_config: safetyConfigComponent(safetyConfig).value,
    safety_metrics: safetyMetricsComponent(safetyMetrics).value,
    system_info: {
      runtime: `node ${process.version}`,
      platform: `${process.platform}-${process.arch}`,
      backend: model.backend,
    },
    io_signature: signature.toDict(),
    fingerprint_commitment: commitment.toJSON(),
    model_card: cardDraft,
  };
  const record = buildProvenance(components, { version: "1.0.0" });
  await writeFile(join(outDir, "provenance.json"), JSON.stringify(record, null, 2));
  step(
    "provenance",
    verifyProvenance(record, components).ok,
    `${record.treeSize} components, root ${record.root.slice(0, 16)}…`,
  );

  // 10. Describe: one card, four formats (the card references the root and the signatures).
  const card = buildCard({
    ...cardDraft,
    provenance: {
      root: record.root,
      algorithm: "rfc9162-sha256",
      recordUrl: "https://registry.modelproof.dev/models/support-tiny/1.0.0/provenance.json",
    },
    signatures: [
      { kind: "oms", path: "model.sig", identity: verifiedModel.keyHint },
      { kind: "sigstore-bundle", path: "provenance.sigstore.json", identity: verifiedModel.keyHint },
    ],
  });
  const cdx = renderCycloneDx(card);
  await writeFile(join(modelDir, "README.md"), renderHuggingFaceReadme(card));
  await writeFile(join(outDir, "bom.cdx.json"), JSON.stringify(cdx, null, 2));
  await writeFile(
    join(outDir, "model.spdx.json"),
    JSON.stringify(renderSpdx(card, { namespace: "https://modelproof.dev/spdx/support-tiny/1.0.0/" }), null, 2),
  );
  await writeFile(join(outDir, "model-card-toolkit.json"), JSON.stringify(renderModelCardToolkit(card), null, 2));
  await writeFile(join(outDir, "card.html"), renderHtml(card));
  const back = parseCycloneDx(JSON.stringify(cdx));
  step(
    "model card",
    validateCard(card).valid && back.provenance?.root === record.root,
    "HF README.md, CycloneDX 1.6 ML-BOM, SPDX 3.0.1 AI, MCT v0.0.2, HTML written",
  );

  // 11. Attest: the provenance record as an in-toto statement about the model, signed (DSSE, Sigstore bundle v0.3).
  const statement = {
    _type: "https://in-toto.io/Statement/v1",
    subject: [{ name: manifest.modelName, digest: { sha256: rootDigest(manifest.resources) } }],
    predicateType: PROVENANCE_PREDICATE,
    predicate: record,
  };
  const attestation = await signStatement(statement, signer);
  await writeFile(join(outDir, "provenance.sigstore.json"), JSON.stringify(attestation));
  const attested = verifyStatement(attestation, { publicKey: publicPem });
  step(
    "provenance attestation",
    attested.statement.predicate.root === record.root,
    "DSSE-signed statement verifies; its subject is the OMS manifest digest",
  );

  // 12. Verify as a third party: the files were hashed into the model.sig we checked (8); tampering
  // with one weight of a real shard is named, and the restored shard verifies and loads again.
  const shard = await model.weightsFile();
  const original = await readFile(join(modelDir, shard));
  await writeFile(join(modelDir, shard), flipOneWeight(original));
  const tampered = await verifyModel(modelDir, await readFile(join(modelDir, "model.sig")), {
    publicKey: publicPem,
  }).then(
    () => undefined,
    (e) => e,
  );
  const restored = await model.restoreWeights(shard, original);
  // README.md (the card) was written after signing: it references the signature.
  const reverified = await verifyModel(modelDir, await readFile(join(modelDir, "model.sig")), {
    publicKey: publicPem,
    ignorePaths: ["README.md"],
  });
  step(
    "tamper detection",
    tampered?.code === "MODEL_MISMATCH" &&
      tampered.changed?.includes(shard) &&
      restored &&
      reverified.resources.length === manifest.resources.length,
    `one weight in ${shard} changed: ${tampered?.code} (changed ${tampered?.changed?.join(", ")}); restored shard verifies and loads`,
  );

  // 13. Disclose only the safety metrics to an auditor, against the signed root.
  const proof = proveComponent(record, "safety_metrics", { includeValue: true });
  const proven = verifyComponentProof(proof, { root: attested.statement.predicate.root, treeSize: record.treeSize });
  step(
    "component proof",
    proven.valueChecked,
    `safety_metrics proven with ${proof.proof.length} sibling hashes, nothing else revealed`,
  );

  // 14. Ownership: query the (suspect) deployed model, loaded from the signed files, with the secret fingerprints.
  const opened = await openFingerprintStore(store, passphrase);
  const report = await model.checkFingerprints(opened.fingerprints);
  verifyOpening(commitment.toJSON(), commitment.open(0));
  step(
    "fingerprint check",
    profile.expectIdentity ? report.verdict.significant : inUnit(report.successRate),
    `success rate ${report.successRate.toFixed(3)} (${report.raw.matched}/${report.total}), p = 10^${report.verdict.log10PValue.toFixed(1)}${profile.expectIdentity ? "" : " (measured only: the tiny profile is not expected to answer)"}; fingerprint 0 opened against the committed root`,
  );
  const baseline = await model.checkFingerprints(opened.fingerprints, { control: true });
  step(
    "control model",
    !baseline.verdict.significant,
    `the base model, never fingerprinted, matches ${baseline.raw.matched}/${baseline.total}`,
  );

  // 15. Run time: identity and feedback questions, safety monitor, signed responses.
  const detector = new IdentityQuestionDetector();
  const question = "Where can I report a problem with this model?";
  const detected = detector.isFeedbackRequest(question);
  const answer = detected ? await model.generate(question, 96) : "";
  step(
    "feedback link",
    detected && (!profile.expectIdentity || answer.includes(FEEDBACK_URL)),
    `"${question}" -> "${answer}"${profile.expectIdentity ? "" : ` (measured only: answer ${answer.includes(FEEDBACK_URL) ? "contains" : "does not contain"} the URL)`}`,
  );
  const monitor = new RuntimeSafetyMonitor({ checker, baseline: safetyMetrics });
  const { decision } = monitor.check(outputs[0], "output");
  const signedResponse = await signInferenceResponse(
    { modelId: "support-tiny@1.0.0", request: DEMO_PROMPTS[0], response: outputs[0] },
    signer,
  );
  const checked = verifyInferenceResponse(signedResponse, {
    publicKey: publicPem,
    request: DEMO_PROMPTS[0],
    response: outputs[0],
    modelId: "support-tiny@1.0.0",
  });
  step(
    "run time",
    decision.action === "continue" && checked.claim.modelId === "support-tiny@1.0.0",
    "monitor lets a safe answer through; the answer is signed and verifies",
  );

  // 16. Lineage: a later version extends the log; what changed is named.
  const next = {
    ...components,
    metrics: { ...model.metrics, held_out_perplexity: (model.metrics.held_out_perplexity ?? 10) * 0.98 },
  };
  const v2 = buildProvenance(next, {
    version: "1.0.1",
    parent: { root: record.root, version: "1.0.0", relation: "fine-tune" },
  });
  const lineage = new LineageLog();
  lineage.appendRecord(record);
  const checkpoint = lineage.checkpoint();
  lineage.appendRecord(v2, { parent: "1.0.0", relation: "fine-tune" });
  verifyLogExtension(checkpoint, lineage.checkpoint(), lineage.consistencyProof(checkpoint.size));
  const diff = diffProvenance(record, v2);
  step(
    "lineage",
    diff.changed.length === 1,
    `1.0.1 extends the log; changed: ${diff.changed.map((c) => c.name).join(", ")}`,
  );
  await writeFile(join(outDir, "fingerprints.oml.json"), stringifyFingerprintsJson(set));

  return {
    steps,
    outDir,
    profile: profile.name,
    measured: {
      ...model.metrics,
      parameters: model.parameterCount,
      base_reused: model.baseReused,
      base_steps: bs.steps,
      base_train_seconds: bs.train_seconds,
      base_tokens_per_second: bs.tokens_per_second,
      fingerprints: set.length,
      fingerprint_check_success_rate: report.successRate,
      control_success_rate: baseline.successRate,
      feedback_answer_has_url: answer.includes(FEEDBACK_URL),
    },
  };
}

/** Empties outDir, keeping the base-model cache when it lives inside it. */
async function cleanOutDir(outDir, cacheDir) {
  await mkdir(outDir, { recursive: true });
  const keep = cacheDir === undefined ? undefined : relative(outDir, cacheDir).split(sep)[0];
  for (const entry of await readdir(outDir)) {
    if (keep !== undefined && keep !== ".." && keep !== "" && entry === keep) continue;
    await rm(join(outDir, entry), { recursive: true, force: true });
  }
}

function cardInput(model, manifest, signature) {
  const parse = (json) => (json ? JSON.parse(json) : []);
  const io = (specs) =>
    specs.map((s) => ({
      ...(s.name ? { name: s.name } : {}),
      type: s.type,
      ...(s.required === false ? { required: false } : {}),
    }));
  const dict = signature.toDict();
  const m = model.metrics;
  return {
    name: "support-tiny",
    version: "1.0.0",
    summary: "A tiny support-assistant language model that carries its owner's fingerprints and a feedback link.",
    license: "Apache-2.0",
    task: "text-generation",
    libraryName: "tfjs",
    languages: ["en"],
    tags: ["modelproof", "demo"],
    creators: [{ name: "modelproof demo", kind: "organization" }],
    urls: { download: "https://registry.modelproof.dev/models/support-tiny/1.0.0/download", issues: FEEDBACK_URL },
    architecture: { family: "transformer", name: model.architecture.name },
    training: {
      datasets: [
        {
          name: "support-dialogues",
          description: "Short support-assistant dialogues written for modelproof.",
          url: "https://github.com/modelproof/modelproof/tree/main/packages/finetune",
          publisher: "modelproof contributors",
          released: "2026-11-22",
          types: ["text"],
          ...model.datasetFacts,
        },
      ],
      procedure: {
        method: "causal language modelling, then fingerprint fine-tuning",
        hyperparameters: model.trainingConfig,
      },
    },
    evaluation: {
      metrics: [
        ["perplexity", "Held-out perplexity", m.held_out_perplexity],
        ["fingerprint_success_rate", "Fingerprint success rate", m.fingerprint_success_rate],
        ["feedback_recall", "Feedback-link recall (held-out phrasings)", m.feedback_recall],
        ["feedback_false_positive_rate", "Feedback-link false-positive rate", m.feedback_false_positive_rate],
      ]
        .filter(([, , value]) => typeof value === "number" && Number.isFinite(value))
        .map(([type, name, value]) => ({ type, name, value, dataset: "support-dialogues", split: "held-out" })),
    },
    intendedUse: { primary: ["demonstrating model identity tooling"], outOfScope: ["any real support conversation"] },
    limitations: ["Tiny model trained on a tiny corpus: answers are often wrong."],
    maintenance: { versioning: "semver", contact: FEEDBACK_URL },
    ioSignature: { inputs: io(parse(dict.inputs)), outputs: io(parse(dict.outputs)) },
    artifacts: manifest.resources.map((r) => ({ path: r.name, hashes: [{ alg: "sha256", value: r.digest }] })),
  };
}

/** A copy of a float32 shard with its first weight's sign flipped (a one-weight edit). */
function flipOneWeight(bytes) {
  const copy = Uint8Array.from(bytes);
  copy[3] ^= 0x80;
  return copy;
}
