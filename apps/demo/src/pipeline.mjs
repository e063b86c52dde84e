// The end-to-end modelproof pipeline on embedded defaults:
//   model -> fingerprints -> I/O signature -> safety gate -> OMS signature -> provenance -> card
//   -> provenance attestation -> verification (files, signature, components, fingerprints) -> run time.
// Every step checks its own result and throws if it does not hold, so the demo doubles as an
// end-to-end test (test/pipeline.test.ts).
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  buildCard,
  parseCycloneDx,
  renderCycloneDx,
  renderHtml,
  renderHuggingFaceReadme,
  renderModelCardToolkit,
  renderSpdx,
} from "@modelproof/card";
import {
  checkFingerprints,
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
import { createDemoModel, DEMO_EVAL_OUTPUTS, DEMO_PROMPTS } from "./model.mjs";

/** Where users report problems with the demo model (the registry page it will be served from). */
export const FEEDBACK_URL = "https://registry.modelproof.dev/models/support-tiny/report";
const PROVENANCE_PREDICATE = "https://modelproof.dev/provenance/v1";

/**
 * @param {{ outDir: string, log?: (line: string) => void, fingerprints?: number }} options
 * @returns {Promise<{ steps: { name: string, ok: boolean, detail: string }[], outDir: string }>}
 */
export async function runPipeline({ outDir, log = () => {}, fingerprints: fingerprintCount = 64 }) {
  const steps = [];
  const step = (name, ok, detail) => {
    steps.push({ name, ok, detail });
    log(`${ok ? "ok  " : "FAIL"} ${name}: ${detail}`);
    if (!ok) throw new Error(`demo step failed: ${name}: ${detail}`);
  };
  await rm(outDir, { recursive: true, force: true });
  const modelDir = join(outDir, "support-tiny");
  await mkdir(modelDir, { recursive: true });

  // 1. The model: files on disk plus a generate() function.
  const model = await createDemoModel(modelDir);
  step("model", true, `${model.description} in ${modelDir}`);

  // 2. Identity: secret fingerprints, a public commitment, secrets sealed at rest.
  const set = await generateFingerprints({
    strategy: "random_word",
    count: fingerprintCount,
    seed: "demo-owner-secret",
    keyLength: 4,
    responseLength: 3,
  });
  const commitment = commitFingerprints(set);
  const passphrase = "demo passphrase: use a real secret";
  const store = await sealFingerprintStore({ fingerprints: set, salts: [...commitment.salts] }, passphrase);
  await writeFile(join(outDir, "fingerprints.store.json"), store);
  model.learnFingerprints(set, FEEDBACK_URL);
  step(
    "fingerprints",
    true,
    `${set.length} generated, committed to root ${commitment.rootHex.slice(0, 16)}…, sealed (scrypt + XChaCha20-Poly1305)`,
  );

  // 3. Interface: infer the MLflow-style I/O signature from sample traffic.
  const samples = DEMO_PROMPTS.map((prompt) => ({ prompt, max_tokens: 48 }));
  const outputs = await Promise.all(DEMO_PROMPTS.map((p) => model.generate(p)));
  const signature = new InferSigner().sign(samples, outputs, { temperature: 0.0 });
  const enforced = enforce(signature, [{ prompt: "Hello", max_tokens: 8, debug: true }], {
    logger: { warn() {}, error() {} },
  });
  step("io signature", enforced[0].debug === undefined, `inputs ${signature.toDict().inputs}`);

  // 4. Safety: check evaluation outputs against the policy, gate the release.
  const safetyConfig = createSafetyConfig({ minAgeRating: "GENERAL", maxOutputLength: 2000 });
  const checker = createSafetyChecker({ config: safetyConfig });
  const collector = new SafetyMetricsCollector();
  for (const text of [...DEMO_EVAL_OUTPUTS, ...outputs]) collector.record(checker.check(text, "output"), "training");
  const safetyMetrics = collector.snapshot();
  const gate = verifyDeployment(safetyMetrics, { minPassRate: 0.95, maxContentWarnings: 100 });
  step(
    "safety gate",
    gate.allowed,
    `${safetyMetrics.passedChecks}/${safetyMetrics.totalChecks} outputs passed, ${safetyMetrics.contentWarnings} content warnings`,
  );

  // 5. Sign the model directory (OMS format, verifiable by the OpenSSF model_signing tools).
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
    verifiedModel.resources.length === manifest.resources.length,
    `model.sig over ${manifest.resources.length} files verifies (${verifiedModel.algorithm})`,
  );

  // 6. Provenance: every component of the model's state under one Merkle root.
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

  // 7. Describe: one card, four formats (the card references the root and the signatures).
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
    back.provenance?.root === record.root,
    "HF README.md, CycloneDX 1.6 ML-BOM, SPDX 3.0.1 AI, MCT v0.0.2, HTML written",
  );

  // 8. Attest: the provenance record as an in-toto statement about the model, signed (DSSE, Sigstore bundle v0.3).
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

  // 9. Verify as a third party: the files were hashed into the model.sig we checked (5); tampering is named.
  await modifyWeights(modelDir, model.weightsFile);
  const tampered = await verifyModel(modelDir, await readFile(join(modelDir, "model.sig")), {
    publicKey: publicPem,
  }).then(
    () => undefined,
    (e) => e,
  );
  step(
    "tamper detection",
    tampered?.code === "MODEL_MISMATCH" && tampered.changed?.includes(model.weightsFile),
    `${tampered?.code}: changed ${tampered?.changed?.join(", ")}`,
  );
  await model.restoreWeights();

  // 10. Disclose only the safety metrics to an auditor, against the signed root.
  const proof = proveComponent(record, "safety_metrics", { includeValue: true });
  const proven = verifyComponentProof(proof, { root: attested.statement.predicate.root, treeSize: record.treeSize });
  step(
    "component proof",
    proven.valueChecked,
    `safety_metrics proven with ${proof.proof.length} sibling hashes, nothing else revealed`,
  );

  // 11. Ownership: query the (suspect) deployed model with the secret fingerprints.
  const opened = await openFingerprintStore(store, passphrase);
  const report = await checkFingerprints(model, opened.fingerprints, { concurrency: 4 });
  verifyOpening(commitment.toJSON(), commitment.open(0));
  step(
    "fingerprint check",
    report.verdict.significant,
    `success rate ${report.successRate.toFixed(3)} (${report.raw.matched}/${report.total}), p = 10^${report.verdict.log10PValue.toFixed(0)}; fingerprint 0 opened against the committed root`,
  );
  const stranger = { generate: async () => "I am a helpful assistant." };
  const baseline = await checkFingerprints(stranger, opened.fingerprints);
  step(
    "control model",
    !baseline.verdict.significant,
    `a model that was never fingerprinted matches ${baseline.raw.matched}/${baseline.total}`,
  );

  // 12. Run time: identity and feedback questions, safety monitor, signed responses.
  const detector = new IdentityQuestionDetector();
  const question = "Where can I report a problem with this model?";
  const answer = detector.isFeedbackRequest(question) ? await model.generate(question) : "";
  step("feedback link", answer.includes(FEEDBACK_URL), `"${question}" -> "${answer}"`);
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

  // 13. Lineage: a later version extends the log; what changed is named.
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

  return { steps, outDir };
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
    intendedUse: { primary: ["demonstrating model identity tooling"], outOfScope: ["any real support conversation"] },
    limitations: ["Tiny model trained on a tiny corpus: answers are often wrong."],
    maintenance: { versioning: "semver", contact: FEEDBACK_URL },
    ioSignature: { inputs: io(parse(dict.inputs)), outputs: io(parse(dict.outputs)) },
    artifacts: manifest.resources.map((r) => ({ path: r.name, hashes: [{ alg: "sha256", value: r.digest }] })),
  };
}

async function modifyWeights(modelDir, file) {
  const path = join(modelDir, file);
  const bytes = await readFile(path);
  bytes[0] ^= 0xff;
  await writeFile(path, bytes);
}
