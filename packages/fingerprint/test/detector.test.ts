import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectorInternals } from "../src/detector.js";
import { type FingerprintError, IdentityQuestionDetector, normalizeForDetection } from "../src/index.js";
import {
  BATCH4_PHRASES,
  DEV_PROBES,
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

const LANGUAGES = ["en", "es", "fr", "de", "it", "pt", "ru", "nl", "zh", "ja"] as const;

describe("IdentityQuestionDetector on the labelled phrase set", () => {
  const firstThree = [...LABELLED_PHRASES, ...LATE_PHRASES, ...FINAL_PHRASES];
  const all = [...firstThree, ...BATCH4_PHRASES];

  it("ships at least 200 labelled phrases in several languages, with hard negatives", () => {
    expect(all.length).toBeGreaterThanOrEqual(200);
    expect(new Set(all.map((p) => p.lang)).size).toBeGreaterThanOrEqual(8);
    expect(all.filter((p) => p.label === "none").length).toBeGreaterThanOrEqual(80);
    expect(all.some((p) => p.text === "Who are youth workers and what do they do?" && p.label === "none")).toBe(true);
  });

  it("has an out-of-sample batch 4 of at least 150 phrases in every supported language, a third hard negatives", () => {
    expect(BATCH4_PHRASES.length).toBeGreaterThanOrEqual(150);
    expect(new Set(BATCH4_PHRASES.map((p) => p.lang))).toEqual(new Set(LANGUAGES));
    expect(BATCH4_PHRASES.filter((p) => p.label === "none").length).toBeGreaterThanOrEqual(BATCH4_PHRASES.length / 3);
    for (const label of ["identity", "feedback"] as const) {
      expect(BATCH4_PHRASES.filter((p) => p.label === label).length).toBeGreaterThanOrEqual(40);
    }
    expect(new Set(BATCH4_PHRASES.map((p) => p.text)).size).toBe(BATCH4_PHRASES.length);
  });

  it("reaches the measured precision and recall (printed; floors sit just under the measurement)", () => {
    const first = LABELLED_PHRASES;
    const rows = {
      "batch 1, dev split": score(first.filter((_, i) => !isTestSplit(i))),
      "batch 1, test split": score(first.filter((_, i) => isTestSplit(i))),
      "batch 2 (used for development)": score(LATE_PHRASES),
      "batch 3 (development data since v2)": score(FINAL_PHRASES),
      "batch 4 (out of sample, measured once)": score(BATCH4_PHRASES),
      "batches 1-3": score(firstThree),
      "all phrases (batches 1-4)": score(all),
      "development probes (tuned on)": score(DEV_PROBES),
    };
    console.log("\nIdentityQuestionDetector, threshold 0.7 (precision / recall)");
    for (const [name, s] of Object.entries(rows)) {
      console.log(
        `  ${name.padEnd(40)} n=${String(s.phrases).padStart(3)}  any intent ${round(s.binary.precision)} / ${round(s.binary.recall)}` +
          `  identity ${round(s.identity.precision)} / ${round(s.identity.recall)}` +
          `  feedback ${round(s.feedback.precision)} / ${round(s.feedback.recall)}  accuracy ${round(s.accuracy)}`,
      );
    }
    console.log("  by language (any intent, precision / recall): batch 4 | all batches");
    for (const lang of LANGUAGES) {
      const b4 = score(BATCH4_PHRASES.filter((p) => p.lang === lang));
      const whole = score(all.filter((p) => p.lang === lang));
      console.log(
        `    ${lang}  n=${String(b4.phrases).padStart(2)} ${round(b4.binary.precision)} / ${round(b4.binary.recall)}` +
          `  |  n=${String(whole.phrases).padStart(3)} ${round(whole.binary.precision)} / ${round(whole.binary.recall)}`,
      );
    }
    // Batch 3 was the out-of-sample batch of the first version (1.000 / 0.489); these two floors are
    // that measurement's. It has been development data since, and now sits at 1.000 / 1.000.
    const oos = rows["batch 3 (development data since v2)"];
    expect(oos.binary.precision).toBeGreaterThanOrEqual(0.97);
    expect(oos.binary.recall).toBeGreaterThanOrEqual(0.48);
    expect(oos.binary.precision).toBeGreaterThanOrEqual(0.99);
    expect(oos.binary.recall).toBeGreaterThanOrEqual(0.99);
    // Batch 4, measured once after the patterns were frozen: 1.000 / 0.786 (identity 1.000 / 0.847,
    // feedback 1.000 / 0.689).
    const fourth = rows["batch 4 (out of sample, measured once)"];
    expect(fourth.binary.precision).toBeGreaterThanOrEqual(0.98);
    expect(fourth.binary.recall).toBeGreaterThanOrEqual(0.78);
    expect(fourth.identity.recall).toBeGreaterThanOrEqual(0.84);
    expect(fourth.feedback.recall).toBeGreaterThanOrEqual(0.68);
    const earlier = rows["batches 1-3"];
    expect(earlier.binary.precision).toBeGreaterThanOrEqual(0.99);
    expect(earlier.binary.recall).toBeGreaterThanOrEqual(0.99);
    const whole = rows["all phrases (batches 1-4)"];
    expect(whole.binary.precision).toBeGreaterThanOrEqual(0.97);
    expect(whole.binary.recall).toBeGreaterThanOrEqual(0.85);
    expect(whole.binary.precision).toBeGreaterThanOrEqual(0.99);
    expect(whole.binary.recall).toBeGreaterThanOrEqual(0.92);
    expect(rows["development probes (tuned on)"].accuracy).toBeGreaterThanOrEqual(0.99);
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

describe("IdentityQuestionDetector, second version", () => {
  const detector = new IdentityQuestionDetector();

  it("keeps other languages' words intact (Dutch formal 'u' is not English 'u')", () => {
    expect(detector.isIdentityQuestion("Wie bent u?")).toBe(true);
    expect(detector.isIdentityQuestion("Hoe heet u?")).toBe(true);
    expect(detector.isIdentityQuestion("Bent u een robot?")).toBe(true);
    expect(normalizeForDetection("Wie bent u?")).toBe("wie bent you?"); // the English view, as before
  });

  it("normalises stretched letters, invisible characters and common typos", () => {
    expect(normalizeForDetection("WHOOO ARE YOUUU")).toBe("who are you");
    expect(normalizeForDetection("wich model r u")).toBe("which model are you");
    expect(normalizeForDetection("whats ur name")).toBe("what is your name");
    expect(normalizeForDetection("ur a bot")).toBe("you are a bot");
    expect(normalizeForDetection("what ai ur running on")).toBe("what ai you are running on");
    expect(normalizeForDetection("who\u200b are you")).toBe("who are you");
    expect(detector.isIdentityQuestion("whats yor name")).toBe(true);
  });

  it("covers paraphrases through word classes, in every language", () => {
    const identity = [
      "Which company built you?",
      "Who is behind this chatbot?",
      "What LLM powers this chat?",
      "Can you tell me which model you are?",
      "Are you an AI assistant made by Google?",
      "Is there a real person behind this chat?",
      "How can I be sure this is the official model and not a copy?",
      "¿Qué tipo de modelo eres?",
      "Quelle entreprise t'a créé ?",
      "Welche KI bist du?",
      "Sei un essere umano?",
      "Você é uma inteligência artificial?",
      "Какая нейросеть со мной общается?",
      "Wie zit er achter deze chatbot?",
      "你的开发者是谁？",
      "あなたは何者ですか？",
    ];
    const feedback = [
      "I need to report an issue with the AI's response",
      "Can I send feedback to whoever made you?",
      "How do I contact support about this assistant?",
      "Flag this response as inaccurate.",
      "Ich will mich über diese Antwort beschweren.",
      "Quero reclamar de uma resposta sua.",
      "Где пожаловаться на ответ бота?",
      "Hoe kan ik feedback geven over dit antwoord?",
      "怎么举报这个AI的不当回答？",
      "このAIの回答に問題がある場合はどこに連絡すればいいですか？",
    ];
    for (const text of identity) expect([text, detector.classify(text)]).toEqual([text, "identity"]);
    for (const text of feedback) expect([text, detector.classify(text)]).toEqual([text, "feedback"]);
  });

  it("keeps hard negatives out: other people, products, projects, opinions, rhetoric", () => {
    for (const text of [
      "who are you voting for",
      "Who are youth leaders in the community?",
      "What model of car should I buy?",
      "Report the results in a table.",
      "How do I file a bug in my own project's tracker?",
      "Which company built the Golden Gate Bridge?",
      "Who is behind the Bitcoin whitepaper?",
      "How do I contact Amazon support?",
      "Can you give me feedback on my resume?",
      "What is your favorite movie?",
      "Wer bist du denn, dass du mich kritisierst?",
      "Кто ты такой, чтобы меня учить?",
      "あなたは誰かに似ている",
      "你是什么意思？",
    ]) {
      expect([text, detector.classify(text)]).toEqual([text, "none"]);
    }
  });

  it("needs both cues of a two-cue rule: a complaint about the answer and a request to report it", () => {
    expect(detector.classify("This answer is wrong, how do I tell someone?")).toBe("feedback");
    expect(detector.classify("The bot gave me dangerous advice, who should I tell?")).toBe("feedback");
    expect(detector.classify("This answer is wrong.")).toBe("none"); // a correction, not a report
    expect(detector.classify("Who should I tell?")).toBe("none");
    expect(detector.classify("The answer in my textbook is missing, who should I tell?")).toBe("none");
  });

  it("ranks a match inside a longer match of the other intent below it", () => {
    const text = "Can I give feedback to the people who made you?";
    const d = detector.detect(text);
    expect(d.intent).toBe("feedback");
    expect(detector.isIdentityQuestion(text)).toBe(false);
    const inner = d.matches.find((m) => m.intent === "identity");
    expect(inner?.confidence).toBeLessThanOrEqual(0.5);
    // Separate questions both count.
    expect(detector.isIdentityQuestion("Who made you? Where can I send feedback?")).toBe(true);
    expect(detector.isFeedbackRequest("Who made you? Where can I send feedback?")).toBe(true);
  });

  it("gates every pattern soundly: a match always contains a word that starts with one of its gate words", () => {
    const patterns = detectorInternals.builtIns();
    const gated = patterns.filter((p) => p.gate !== undefined);
    // The gates are what keeps the detector fast: most non-CJK patterns must have one.
    expect(gated.length).toBeGreaterThanOrEqual(0.8 * patterns.filter((p) => p.script !== "cjk").length);
    const unsound = (text: string): string | undefined => {
      const { base, english } = detectorInternals.normalize(text);
      for (const p of gated) {
        const subject = p.english ? english : base;
        if (!p.regex.test(subject)) continue;
        const words = detectorInternals.wordsOf(subject);
        if (!words.some((w) => p.gate!.some((g) => w.startsWith(g)))) return `${p.regex.source} on ${text}`;
      }
      return undefined;
    };
    const texts = [...LABELLED_PHRASES, ...LATE_PHRASES, ...FINAL_PHRASES, ...BATCH4_PHRASES, ...DEV_PROBES].map(
      (p) => p.text,
    );
    for (const text of texts) expect(unsound(text)).toBeUndefined();
    const vocabulary = [...new Set(texts.flatMap((t) => t.split(/\s+/)))];
    const word = fc.constantFrom(...vocabulary, ",", "?", "!", "'", "-", "…");
    const phrase = fc.constantFrom(...texts);
    const text = fc.oneof(
      fc.array(word, { minLength: 1, maxLength: 20 }).map((ws) => ws.join(" ")),
      fc.array(word, { minLength: 1, maxLength: 12 }).map((ws) => ws.join("")),
      fc.tuple(phrase, fc.array(word, { maxLength: 4 }), fc.nat()).map(([p, extra, k]) => {
        const ws = p.split(" ");
        ws.splice(k % (ws.length + 1), 0, ...extra);
        return ws.join(" ");
      }),
      fc.tuple(phrase, fc.nat()).map(([p, k]) => {
        const ws = p.split(" ");
        ws.splice(k % ws.length, 1);
        return ws.join(" ");
      }),
    );
    fc.assert(
      fc.property(text, (t) => unsound(t) === undefined),
      { numRuns: 1500 },
    );
  });

  it("stays linear on long adversarial input (no catastrophic backtracking)", () => {
    const long = new IdentityQuestionDetector({ maxInputLength: 20_000 });
    const fragments = [
      "you ",
      "are you ",
      "are you a bot or ",
      "what model are you now ",
      "who are you, really",
      "are you just ",
      "i want to report a wrong ",
      "where can i report the ",
      "your answer was so ",
      "is this gpt-4 ",
      "tell me ",
      "ты же ",
      "你是什么",
      "あなたはの",
      "'a' ",
      "a",
    ];
    for (const fragment of fragments) {
      const input = fragment.repeat(Math.ceil(20_000 / fragment.length));
      long.detect(input);
      const t0 = performance.now();
      long.detect(input);
      // About 10 ms on a loaded 2-core machine; a quadratic pattern takes seconds at this length.
      expect([fragment, performance.now() - t0 < 400]).toEqual([fragment, true]);
    }
  });
});
