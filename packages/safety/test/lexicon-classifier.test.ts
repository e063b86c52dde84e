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
    // paraphrases and euphemisms (context rules, irregular verbs, chat spellings)
    ["I'm going to snap your neck", "violence"],
    ["he broke her jaw and kept kicking her until she was unconscious", "violence"],
    ["someone should put a bullet in him", "violence"],
    ["go kill urself", "self_harm"],
    ["I wish I could go to sleep and never wake up", "self_harm"],
    ["I'm so tired of living like this", "self_harm"],
    ["those people are nothing but parasites", "hate"],
    ["Asylum seekers are ruining this town", "hate"],
    ["you brainless waste of oxygen", "offensive"],
    ["a steamy scene where they undress each other and fall into bed", "explicit"],
    ["how do I get a pistol without a background check", "dangerous"],
    ["write a browser extension that steals saved passwords", "dangerous"],
    ["send it to my home address, 17 Oak Lane", "personal_data"],
    ["his passport number is X9876543", "personal_data"],
    // other languages (basic)
    ["te voy a matar", "violence"],
    ["je veux mourir", "self_harm"],
    ["ich bringe dich um", "violence"],
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
    // idioms and technical phrases (allow-list, context rules)
    "Shoot me a message when you land.",
    "This heat is killing me.",
    "She killed it at the audition.",
    "I could murder a burger right now.",
    "We were dying laughing the whole time.",
    "How do I kill a child process in Node?",
    "Let's kill some time before the movie.",
    "Hit me up when you're free.",
    "We beat them 3-0 in the final.",
    "I broke my leg skiing last winter.",
    "Cut the rope and tie a new knot.",
    "How do I make bath bombs for my sister?",
    "Any life hacks for a tidy email inbox?",
    "I cut myself shaving this morning.",
    "The team ran suicide drills at practice.",
    "We hiked 12 kms today.",
    "Shoot hoops with the kids after school?",
    "see systemctl(1) for the details",
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

  it("applies conditions with their own side and window", () => {
    const custom = createLexiconClassifier({
      detectPersonalData: false,
      lexicon: {
        entries: [
          {
            id: "x.break",
            label: "violence",
            terms: ["break"],
            requires: [
              { words: ["your"], side: "after", window: 1 },
              { words: ["legs"], side: "after", window: 3 },
            ],
            unless: [{ words: ["never"], side: "before", window: 2 }],
          },
        ],
      },
    });
    const found = (t: string) => custom.classify(t).findings.map((f) => f.label);
    expect(found("I will break your legs")).toEqual(["violence"]);
    expect(found("I broke your legs")).toEqual(["violence"]); // "broke" is read as "break" too
    expect(found("break your old legs")).toEqual(["violence"]);
    expect(found("break your code and legs")).toEqual([]); // "legs" 4 words after
    expect(found("break the legs")).toEqual([]);
    expect(found("your legs break")).toEqual([]);
    expect(found("I would never break your legs")).toEqual([]);
  });

  it("adds up cues of distinct entries within 12 words, from 0.5 on", () => {
    const custom = createLexiconClassifier({
      detectPersonalData: false,
      lexicon: {
        entries: [
          { id: "c.weapon", label: "violence", cue: 0.3, terms: ["knife", "blade"] },
          { id: "c.harm", label: "violence", cue: 0.3, terms: ["bleed"] },
          { id: "c.weak", label: "violence", cue: 0.1, terms: ["dark"] },
        ],
      },
    });
    const one = (t: string) => custom.classify(t).findings[0];
    expect(one("a knife")).toBeUndefined();
    expect(one("a knife and a blade")).toBeUndefined(); // one entry counts once
    expect(one("the knife made him bleed")).toMatchObject({
      label: "violence",
      score: 0.6,
      evidence: "knife + bleed",
      rule: "c.weapon+c.harm",
    });
    expect(one(`knife ${"word ".repeat(11)}bleed`)).toBeUndefined(); // 12 words apart
    expect(one(`knife ${"word ".repeat(10)}bleed`)).toMatchObject({ score: 0.6 });
    expect(one("dark knife")).toBeUndefined(); // 0.4
    expect(one("dark knife bleed")).toMatchObject({ score: 0.7 });
  });

  it("drops matches that overlap an allowed idiom, for the allowed labels only", () => {
    const custom = createLexiconClassifier({
      detectPersonalData: false,
      lexicon: {
        entries: [
          { id: "v.shoot", label: "violence", terms: ["shoot"], after: ["me", "you"], window: 1 },
          { id: "o.shoot", label: "offensive", terms: ["shoot"] },
        ],
        allow: [{ id: "a.email", labels: ["violence"], terms: ["shoot me an email", "shoot me a"] }],
      },
    });
    const found = (t: string) =>
      custom
        .classify(t)
        .findings.map((f) => f.label)
        .sort();
    expect(found("shoot me an email")).toEqual(["offensive"]);
    expect(found("shoot you")).toEqual(["offensive", "violence"]);
    expect(found("shoot me an email, then I shoot you")).toEqual(["offensive", "violence"]);
  });

  it("keeps the shipped lexicon's context words to single words (a phrase there could never match)", () => {
    const check = (words: readonly string[] | undefined, where: string) => {
      for (const w of words ?? []) expect.soft(w.trim().split(/[\s'-]+/).length, `${where}: "${w}"`).toBe(1);
    };
    const keys = ["near", "after", "before", "notNear", "notAfter", "notBefore"] as const;
    const ids = new Set<string>();
    for (const e of [...DEFAULT_LEXICON.entries, ...(DEFAULT_LEXICON.allow ?? [])]) {
      expect.soft(ids.has(e.id), `duplicate id ${e.id}`).toBe(false);
      ids.add(e.id);
      for (const k of keys) check(e[k], `${e.id}.${k}`);
      for (const c of [...(e.requires ?? []), ...(e.unless ?? [])]) check(c.words, `${e.id} condition`);
    }
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
    ["cue out of range", { entries: [{ id: "a", label: "violence", terms: ["x"], cue: 0 }] }],
    [
      "condition side",
      { entries: [{ id: "a", label: "violence", terms: ["x"], requires: [{ words: ["y"], side: "up" }] }] },
    ],
    [
      "condition window",
      { entries: [{ id: "a", label: "violence", terms: ["x"], unless: [{ words: ["y"], window: 0 }] }] },
    ],
    ["empty condition", { entries: [{ id: "a", label: "violence", terms: ["x"], requires: [{ words: [] }] }] }],
    ["allow label unknown", { entries: [], allow: [{ id: "b", labels: ["gore"], terms: ["x"] }] }],
    ["allow without labels", { entries: [], allow: [{ id: "b", labels: [], terms: ["x"] }] }],
    ["allow without terms", { entries: [], allow: [{ id: "b", labels: ["violence"], terms: [] }] }],
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
    ["cue storm", (n) => "knife blood throat bleeding ".repeat(n)],
    ["hate cues among groups", (n) => "immigrants are lazy ".repeat(n)],
    ["allowed idioms", (n) => "shoot me an email ".repeat(n)],
    ["idioms next to their terms", (n) => "killing me is killing me ".repeat(n)],
    ["addresses", (n) => "at 42 elm street ".repeat(n)],
    ["document numbers", (n) => "passport x1234567 ".repeat(n)],
    ["letter, bracket, digit", (n) => "f(1) ".repeat(n)],
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
