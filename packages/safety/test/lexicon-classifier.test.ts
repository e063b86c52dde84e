import { describe, expect, it } from "vitest";
import { SafetyError } from "../src/errors.js";
import { DEFAULT_LEXICON } from "../src/lexicon.js";
import { analyseText, compileLexicon, createLexiconClassifier } from "../src/lexicon-classifier.js";

const classifier = createLexiconClassifier();
const labels = (text: string) =>
  classifier
    .classify(text)
    .findings.map((f) => f.label)
    .sort();

describe("createLexiconClassifier", () => {
  it.each([
    ["I will kill you", "violence"],
    ["I'm going to k1ll you", "violence"],
    ["I will kіll уоu", "violence"], // Cyrillic і, у, о
    ["𝐤𝐢𝐥𝐥 𝐲𝐨𝐮", "violence"],
    ["ⓚⓘⓛⓛ ⓨⓞⓤ", "violence"],
    ["ki11 y0u", "violence"],
    ["I will kíll yóu", "violence"],
    ["k-i-l-l all of them", "violence"],
    ["m_u_r_d_e_r him", "violence"],
    ["k i l l   y o u r s e l f", "self_harm"],
    ["ki\u200bll yo\u200burself", "self_harm"],
    ["thinking about sui\u00adcide", "self_harm"],
    ["you are a f*cking idiot", "offensive"],
    ["F.U.C.K Y.O.U", "offensive"],
    ["fuuuuuck off", "offensive"],
    ["you @ssh0le", "offensive"],
    ["how to make a b0mb", "dangerous"],
    ["Ｂｏｍｂ ｍａｋｉｎｇ ｇｕｉｄｅ", "dangerous"],
    ["p\u200bo\u200br\u200bn sites", "explicit"],
    ["I h8 all immigrants", "hate"],
    ["write to jane@example.org", "personal_data"],
  ])("finds %j as %s", (text, label) => {
    expect(labels(text)).toContain(label);
  });

  it.each([
    "How do I kill the process that is using port 8080?",
    "kill -9 1234",
    "The killer feature of this phone is its battery life.",
    "How do I shoot better photos at night?",
    "Execute the script with node index.js.",
    "I'm dying to see the new Pixar movie.",
    "Why did my Python thread die?",
    "What does the Latin phrase 'cum laude' mean?",
    "We visited Scunthorpe and Sussex.",
    "a s s e s s m e n t results",
    "join our cl@ss today",
    "How do I butcher a whole chicken?",
    "The comedian bombed at the open mic.",
  ])("finds nothing blocking in the hard negative %j", (text) => {
    const blocking = labels(text).filter((l) => !["conflict", "disaster", "death", "crime", "substances"].includes(l));
    expect(blocking).toEqual([]);
  });

  it("says why: rule and evidence, and never echoes personal data", () => {
    const [finding] = classifier.classify("I will k1ll you").findings;
    expect(finding).toMatchObject({ label: "violence", rule: "violence.against-person", evidence: "kill", score: 1 });
    const pii = classifier.classify("mail me at secret.person@example.com").findings[0];
    expect(pii?.evidence).toBe("email address");
    expect(JSON.stringify(pii)).not.toContain("secret");
  });

  it("reports content warnings for war stories and not blocking labels", () => {
    expect(labels("A history of the war in the Pacific")).toEqual(["conflict"]);
  });

  it("can skip personal-data detection", () => {
    expect(createLexiconClassifier({ detectPersonalData: false }).classify("a@b.com").findings).toEqual([]);
  });

  it("takes a custom lexicon with context rules", () => {
    const custom = createLexiconClassifier({
      lexicon: {
        entries: [{ id: "x.spoiler", label: "offensive", terms: ["spoiler"], notAfter: ["alert"], window: 1 }],
      },
    });
    expect(custom.classify("spoilers ahead").findings.map((f) => f.label)).toEqual(["offensive"]);
    expect(custom.classify("spoiler alert").findings).toEqual([]);
  });

  it.each([
    ["no entries array", {}],
    ["unknown label", { entries: [{ id: "a", label: "gore", terms: ["x"] }] }],
    ["empty terms", { entries: [{ id: "a", label: "violence", terms: [] }] }],
    ["window too large", { entries: [{ id: "a", label: "violence", terms: ["x"], window: 99 }] }],
    ["bad score", { entries: [{ id: "a", label: "violence", terms: ["x"], score: 2 }] }],
    ["bad context list", { entries: [{ id: "a", label: "violence", terms: ["x"], near: [""] }] }],
    ["unknown rating", { entries: [{ id: "a", label: "violence", terms: ["x"], rating: "ADULT" }] }],
    ["phrase too long", { entries: [{ id: "a", label: "violence", terms: ["a b c d e f g h i"] }] }],
  ])("rejects a malformed lexicon (%s) with INVALID_LEXICON", (_name, lexicon) => {
    expect(() => createLexiconClassifier({ lexicon: lexicon as never })).toThrowError(
      expect.objectContaining({ code: "INVALID_LEXICON" }),
    );
  });

  it("rejects a non-string text with INVALID_TEXT", () => {
    expect(() => classifier.classify(42 as never)).toThrowError(SafetyError);
  });
});

describe("analyseText work is linear in the input (adversarial inputs)", () => {
  const compiled = compileLexicon(DEFAULT_LEXICON);
  const cases: [string, (n: number) => string][] = [
    ["spaced single letters", (n) => "a ".repeat(n)],
    ["dotted single letters", (n) => "k.".repeat(n)],
    ["one giant word", (n) => "a".repeat(n)],
    ["one giant elongated word", (n) => "fu".repeat(n)],
    ["l33t soup", (n) => "k1!|@$".repeat(n)],
    ["masked letters", (n) => "a*".repeat(n)],
    ["symbols only", (n) => "@$!|+*".repeat(n)],
    ["context-rule triggers", (n) => "kill ".repeat(n)],
    ["phrase prefixes", (n) => "kill my ".repeat(n)],
    ["hate triggers among groups", (n) => "immigrants vermin ".repeat(n)],
    ["mixed scripts", (n) => "kіll уоu ".repeat(n)],
    ["zero-width storm", (n) => "k\u200b".repeat(n)],
    ["combining marks", (n) => "a\u0301\u0302\u0303".repeat(n)],
    ["email-ish", (n) => "a@a.".repeat(n)],
  ];
  it.each(cases)("%s", (_name, make) => {
    const small = analyseText(make(1_000), compiled).steps;
    const large = analyseText(make(8_000), compiled).steps;
    // 8x the input may cost at most 8x the work, with a generous 1.5x margin; quadratic would be 64x.
    expect(large / small).toBeLessThan(8 * 1.5);
  });
});

describe("long texts are matched in overlapping chunks", () => {
  it("finds every phrase wherever it falls, chunk edges included (property)", async () => {
    const { CHUNK_CHARS } = await import("../src/lexicon-classifier.js");
    const fc = (await import("fast-check")).default;
    const filler = "The garden is lovely in spring and the bees are busy. ";
    const phrases: [string, string][] = [
      ["I will kill you", "violence"],
      ["k i l l   y o u r s e l f", "self_harm"],
      ["how to make a pipe bomb", "dangerous"],
      ["mail a.b@example.com now", "personal_data"],
    ];
    const base = filler.repeat(Math.ceil((CHUNK_CHARS * 3) / filler.length));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: phrases.length - 1 }),
        fc.integer({ min: -40, max: 40 }),
        fc.integer({ min: 1, max: 2 }),
        (p, shift, k) => {
          const [phrase, label] = phrases[p]!;
          // insert between two words (a stray single letter before "k i l l" would join the run)
          const at = base.indexOf(" ", Math.max(0, k * CHUNK_CHARS + shift));
          const text = `${base.slice(0, at)} ${phrase} ${base.slice(at)}`;
          expect(labels(text)).toContain(label);
          expect(labels(text.replace(phrase, "a quiet phrase"))).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("analyseText work stays linear past the chunk threshold", () => {
  const compiled = compileLexicon(DEFAULT_LEXICON);
  it.each([
    [
      "natural text with triggers",
      (n: number) => "The garden is lovely and I will kill you. ".repeat(Math.ceil(n / 42)),
    ],
    ["l33t soup", (n: number) => "k1!|@$".repeat(Math.ceil(n / 6))],
    ["digits with separators", (n: number) => "1 ".repeat(n / 2)],
  ])("%s", (_name, make) => {
    const small = analyseText(make(40_000), compiled).steps;
    const large = analyseText(make(320_000), compiled).steps;
    expect(large / small).toBeLessThan(8 * 1.5);
  });
});
