import { describe, expect, it } from "vitest";
import { analyseWords } from "../src/words.js";

// analyseWords takes normalised (lowercase) text.
const words = (s: string) => analyseWords(s, { steps: 0 });
const keysOf = (s: string) => words(s).flatMap((w) => w.keys);

describe("analyseWords", () => {
  it("splits on punctuation and keeps l33t symbols inside words", () => {
    expect(words("sh!t happens, you @ssh0le!").map((w) => w.text)).toEqual(["shit", "happens", "you", "asshole"]);
  });

  it("offers both readings of an ambiguous 1 and the '8 = ate' reading", () => {
    expect(keysOf("ki11")).toEqual(expect.arrayContaining(["kiii", "kill"]));
    expect(keysOf("h8")).toContain("hate");
  });

  it("guesses masked vowels and collapses elongations", () => {
    expect(keysOf("f*ck")).toContain("fuck");
    expect(keysOf("fuuuuck")).toContain("fuck");
    expect(keysOf("killll")).toContain("kill");
  });

  it("joins spaced-out letters, splitting words where the separator changes", () => {
    expect(words("k i l l   y o u r s e l f").map((w) => w.text)).toEqual(["kill", "yourself"]);
    expect(words("f.u.c.k y.o.u").map((w) => w.text)).toEqual(["fuck", "you"]);
    expect(words("a b").map((w) => w.text)).toEqual(["a", "b"]);
  });

  it("folds homoglyphs only in mixed-script or all-lookalike words", () => {
    expect(words("kіll").map((w) => w.text)).toEqual(["kill"]); // Cyrillic і among Latin letters
    expect(words("привет").map((w) => w.text)).toEqual(["привет"]); // plain Russian stays Russian
  });

  it("reads irregular verb forms and chat spellings as their base word", () => {
    expect(keysOf("broke")).toContain("break");
    expect(keysOf("bled")).toContain("bleed");
    expect(keysOf("urself")).toContain("yourself");
    expect(keysOf("ur")).toContain("your");
    expect(keysOf("urs3lf")).toContain("yourself");
  });

  it("adds number classes and keeps words with digits as written", () => {
    expect(keysOf("42")).toContain("<number>");
    expect(keysOf("1234567")).toContain("<code>");
    expect(keysOf("x1234567")).toContain("<code>");
    expect(keysOf("3d")).toEqual(expect.arrayContaining(["ed", "3d"]));
    expect(keysOf("b0mb")).not.toContain("<code>");
  });

  it("adds simple English stems", () => {
    expect(keysOf("stabbing")).toContain("stab");
    expect(keysOf("dying")).toContain("die");
    expect(keysOf("decapitated")).toContain("decapitate");
  });
});
