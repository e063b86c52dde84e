import { describe, expect, it } from "vitest";
import { scanPersonalData } from "../src/personal-data.js";

describe("scanPersonalData", () => {
  it.each([
    ["write to john.smith@example.com today.", "email address"],
    ["card 4111 1111 1111 1111", "payment card number"],
    ["card 5500-0000-0000-0004", "payment card number"],
    ["ssn 078-05-1120", "national id number"],
    ["call +1 (415) 555-0132", "phone number"],
    ["call 020 7946 0958", "phone number"],
    ["call 555-1234", "phone number"],
    ["iban de89 3704 0044 0532 0130 00", "iban"],
    ["iban gb82west12345698765432", "iban"],
  ])("finds %j", (text, kind) => {
    expect(scanPersonalData(text).kinds).toContain(kind);
  });

  it.each([
    "the eiffel tower was completed in 1889",
    "port 8080 and 443",
    "bake at 180 °c for 25 minutes",
    "card 4111 1111 1111 1112",
    "ssn 666-12-3456",
    "user@localhost",
    "@mention and a@ b",
    "b0mb 1d10t de89",
    "version 1.2.3",
    "see systemctl(1) for details",
    "c+1 and f(2)",
    "ab+1",
  ])("finds nothing in %j", (text) => {
    expect(scanPersonalData(text).kinds).toEqual([]);
  });

  it.each([
    ["many @ signs", (n: number) => "a@".repeat(n)],
    ["local parts without domains", (n: number) => `${"a".repeat(n)}@`],
    ["one long digit run", (n: number) => "1".repeat(n)],
    ["digits with separators", (n: number) => "1 ".repeat(n)],
    ["iban-like groups", (n: number) => "ab12 ".repeat(n)],
    ["domains without dots", (n: number) => `x@${"a".repeat(n)}`],
    // A "+" or "(" between a letter and a digit once made the scanner loop forever.
    ["letter, bracket, digit", (n: number) => "f(1) ".repeat(n)],
    ["letter, plus, digit", (n: number) => "c+1 ".repeat(n)],
  ])("does linear work on adversarial input: %s", (_name, make) => {
    const small = scanPersonalData(make(2_000)).steps;
    const large = scanPersonalData(make(16_000)).steps;
    expect(large / small).toBeLessThan(8 * 1.5);
  });
});
