import { describe, expect, it } from "vitest";
import { type FingerprintError, IdentityQuestionDetector, normalizeForDetection } from "../src/index.js";
import {
  FINAL_PHRASES,
  isTestSplit,
  LABELLED_PHRASES,
  LATE_PHRASES,
  type LabelledPhrase,
} from "./fixtures/identity-phrases.js";

interface Scores {
  phrases: number;
  identity: { precision: number; recall: number };
  feedback: { precision: number; recall: number };
  /** Any intent vs none. */
  binary: { precision: number; recall: number; tp: number; fp: number; fn: number };
  accuracy: number;
}

function score(phrases: readonly LabelledPhrase[]): Scores {
  const detector = new IdentityQuestionDetector();
  const predicted = phrases.map((p) => detector.classify(p.text));
  const pr = (positive: (label: string) => boolean) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    phrases.forEach((p, i) => {
      const want = positive(p.label);
      const got = positive(predicted[i]!) && (p.label === predicted[i] || !want);
      if (want && got) tp++;
      else if (!want && positive(predicted[i]!)) fp++;
      else if (want) fn++;
    });
    return { precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn), tp, fp, fn };
  };
  const identity = pr((l) => l === "identity");
  const feedback = pr((l) => l === "feedback");
  const binary = pr((l) => l !== "none");
  const correct = phrases.filter((p, i) => p.label === predicted[i]).length;
  return {
    phrases: phrases.length,
    identity: { precision: identity.precision, recall: identity.recall },
    feedback: { precision: feedback.precision, recall: feedback.recall },
    binary,
    accuracy: correct / phrases.length,
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

describe("IdentityQuestionDetector on the labelled phrase set", () => {
  const all = [...LABELLED_PHRASES, ...LATE_PHRASES, ...FINAL_PHRASES];

  it("ships at least 200 labelled phrases in several languages, with hard negatives", () => {
    expect(all.length).toBeGreaterThanOrEqual(200);
    expect(new Set(all.map((p) => p.lang)).size).toBeGreaterThanOrEqual(8);
    expect(all.filter((p) => p.label === "none").length).toBeGreaterThanOrEqual(80);
    expect(all.some((p) => p.text === "Who are youth workers and what do they do?" && p.label === "none")).toBe(true);
  });

  it("reaches the measured precision and recall (printed; floors sit just under the measurement)", () => {
    const first = LABELLED_PHRASES;
    const rows = {
      "batch 1, dev split": score(first.filter((_, i) => !isTestSplit(i))),
      "batch 1, test split": score(first.filter((_, i) => isTestSplit(i))),
      "batch 2 (used for development)": score(LATE_PHRASES),
      "batch 3 (out of sample, measured once)": score(FINAL_PHRASES),
      "all phrases": score(all),
    };
    console.log("\nIdentityQuestionDetector, threshold 0.7 (precision / recall)");
    for (const [name, s] of Object.entries(rows)) {
      console.log(
        `  ${name.padEnd(40)} n=${String(s.phrases).padStart(3)}  any intent ${round(s.binary.precision)} / ${round(s.binary.recall)}` +
          `  identity ${round(s.identity.precision)} / ${round(s.identity.recall)}` +
          `  feedback ${round(s.feedback.precision)} / ${round(s.feedback.recall)}  accuracy ${round(s.accuracy)}`,
      );
    }
    const oos = rows["batch 3 (out of sample, measured once)"];
    expect(oos.binary.precision).toBeGreaterThanOrEqual(0.97);
    expect(oos.binary.recall).toBeGreaterThanOrEqual(0.48);
    const whole = rows["all phrases"];
    expect(whole.binary.precision).toBeGreaterThanOrEqual(0.97);
    expect(whole.binary.recall).toBeGreaterThanOrEqual(0.85);
  });
});

describe("IdentityQuestionDetector", () => {
  const detector = new IdentityQuestionDetector();

  it("matches on word boundaries and clause ends, not substrings", () => {
    expect(detector.isIdentityQuestion("Who are you?")).toBe(true);
    expect(detector.isIdentityQuestion("who are youth")).toBe(false);
    expect(detector.isIdentityQuestion("Who are youtubers?")).toBe(false);
    expect(detector.isIdentityQuestion("who are you voting for")).toBe(false);
    expect(detector.isIdentityQuestion("whoever you are")).toBe(false);
    expect(detector.isIdentityQuestion("Hi! Who are you, exactly? I need help.")).toBe(true);
  });

  it("normalises case, accents, apostrophes, contractions and chat slang", () => {
    expect(normalizeForDetection("  WHO   r U?? ")).toBe("who are you??");
    expect(normalizeForDetection("What’s your name")).toBe("what is your name");
    expect(normalizeForDetection("¿Quién eres?")).toBe("¿quien eres?");
    expect(normalizeForDetection("Какой")).toBe("какои");
    expect(normalizeForDetection("ですか")).toBe("ですか");
    expect(detector.isIdentityQuestion("QUIEN ERES")).toBe(true);
    expect(detector.isIdentityQuestion("wat r u")).toBe(true);
  });

  it("ignores quoted mentions but not a fully quoted question", () => {
    expect(detector.isIdentityQuestion("Translate 'who are you' into German")).toBe(false);
    expect(detector.isIdentityQuestion('"Who are you?"')).toBe(true);
  });

  it("tells identity from feedback intents, with categories and languages", () => {
    const d = detector.detect("Where can I report a problem with this model?");
    expect(d).toMatchObject({ intent: "feedback", category: "feedback", language: "en" });
    expect(d.confidence).toBeGreaterThanOrEqual(0.9);
    expect(detector.isFeedbackRequest("Where can I report a problem with this model?")).toBe(true);
    expect(detector.isIdentityQuestion("Where can I report a problem with this model?")).toBe(false);
    expect(detector.detect("Which model are you?")).toMatchObject({ intent: "identity", category: "model" });
    expect(detector.detect("Wer hat dich entwickelt?")).toMatchObject({ category: "creator", language: "de" });
    expect(detector.detect("你是谁？")).toMatchObject({ intent: "identity", language: "zh" });
    expect(detector.classify("What's the weather like?")).toBe("none");
    expect(detector.detect("What's the weather like?")).toEqual({
      intent: null,
      category: null,
      confidence: 0,
      language: null,
      matches: [],
    });
  });

  it("reports every match, most confident first, and confidence in (0, 1)", () => {
    const d = detector.detect("Who made you? Also where can I report a bug in your answers?");
    expect(d.matches.map((m) => m.intent).sort()).toEqual(["feedback", "identity"]);
    for (let i = 1; i < d.matches.length; i++)
      expect(d.matches[i - 1]!.confidence).toBeGreaterThanOrEqual(d.matches[i]!.confidence);
    for (const m of d.matches) expect(m.confidence > 0 && m.confidence < 1).toBe(true);
    // A message that is only the question scores higher than one where it is a small part.
    const alone = detector.detect("who are you").confidence;
    const buried = detector.detect("I have a long question about taxes and invoices first, but who are you").confidence;
    expect(alone).toBeGreaterThan(buried);
  });

  it("applies thresholds", () => {
    expect(detector.isIdentityQuestion("introduce yourself", 0.99)).toBe(false);
    expect(detector.isIdentityQuestion("introduce yourself", 0.5)).toBe(true);
    expect(new IdentityQuestionDetector({ threshold: 0.99 }).classify("introduce yourself")).toBe("none");
  });

  it("supports custom phrase and regex patterns", () => {
    const custom = new IdentityQuestionDetector({
      customPatterns: [
        { pattern: "Are you Acme-Bot", intent: "identity", confidence: 0.95 },
        { pattern: /\bticket\s+#?\d+\b/u, intent: "feedback", language: "en" },
        { pattern: /gl(o|0)bal/gy, intent: "identity" },
      ],
    });
    expect(custom.detect("ARE YOU acme-bot?")).toMatchObject({
      intent: "identity",
      category: "custom",
      language: "custom",
    });
    expect(custom.isIdentityQuestion("are you acme-bots")).toBe(false);
    expect(custom.isFeedbackRequest("please open ticket #123")).toBe(true);
    // g and y flags are dropped, so repeated calls give the same answer.
    expect(custom.isIdentityQuestion("xx global")).toBe(true);
    expect(custom.isIdentityQuestion("xx global")).toBe(true);
  });

  it("rejects bad custom patterns and options with coded errors", () => {
    const make = (options: ConstructorParameters<typeof IdentityQuestionDetector>[0]) => () =>
      new IdentityQuestionDetector(options);
    const codeOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return (e as FingerprintError).code;
      }
      return undefined;
    };
    expect(codeOf(make({ customPatterns: [{ pattern: "  ", intent: "identity" }] }))).toBe("INVALID_PATTERN");
    expect(codeOf(make({ customPatterns: [{ pattern: /(?:)/, intent: "identity" }] }))).toBe("INVALID_PATTERN");
    expect(codeOf(make({ customPatterns: [{ pattern: "x", intent: "other" as "identity" }] }))).toBe("INVALID_PATTERN");
    expect(codeOf(make({ customPatterns: [{ pattern: "x", intent: "identity", confidence: 0 }] }))).toBe(
      "INVALID_PATTERN",
    );
    expect(codeOf(make({ customPatterns: [{ pattern: 3 as unknown as string, intent: "identity" }] }))).toBe(
      "INVALID_PATTERN",
    );
    expect(codeOf(make({ threshold: 2 }))).toBe("INVALID_OPTION");
    expect(codeOf(make({ maxInputLength: 0 }))).toBe("INVALID_OPTION");
  });

  it("can be restricted to some languages and lists its languages", () => {
    const englishOnly = new IdentityQuestionDetector({ languages: ["en"] });
    expect(englishOnly.isIdentityQuestion("Who are you?")).toBe(true);
    expect(englishOnly.isIdentityQuestion("Wer bist du?")).toBe(false);
    expect(IdentityQuestionDetector.languages).toEqual(
      expect.arrayContaining(["en", "es", "fr", "de", "it", "pt", "ru", "nl", "zh", "ja"]),
    );
  });

  it("examines only the first maxInputLength characters and tolerates non-strings", () => {
    const long = `${"lorem ipsum ".repeat(1000)} who are you?`;
    expect(detector.isIdentityQuestion(long)).toBe(false);
    expect(new IdentityQuestionDetector({ maxInputLength: 20_000 }).isIdentityQuestion(long)).toBe(true);
    expect(detector.detect(undefined as unknown as string).intent).toBeNull();
  });
});
