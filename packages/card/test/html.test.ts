import { describe, expect, it } from "vitest";
import { escapeHtml, type ModelCard, renderHtml } from "../src/index.js";
import { expectCardError, loadCard } from "./helpers.js";

const PAYLOADS = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)",
  "</title><script>x</script>",
  "&lt;already escaped&gt;",
];

describe("renderHtml", () => {
  it("renders the fixture card as a complete page with a restrictive CSP", () => {
    const html = renderHtml(loadCard());
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain("<h1>sentiment-distilbert-tiny</h1>");
    expect(html).toContain(
      '<a href="https://github.com/example/sentiment-distilbert-tiny" rel="noopener noreferrer nofollow">',
    );
    expect(html).not.toMatch(/<script/i);
  });

  it("escapes hostile content in every text field", () => {
    const hostile = loadCard();
    const p = (i: number) => PAYLOADS[i % PAYLOADS.length]!;
    hostile.name = p(0);
    hostile.summary = p(1);
    hostile.description = p(2);
    hostile.creators = [{ name: p(3), email: "a@example.com" }];
    hostile.limitations = PAYLOADS;
    hostile.ethicalConsiderations = [{ risk: p(0), mitigation: p(1) }];
    hostile.training!.datasets![0]!.description = p(0);
    hostile.training!.procedure!.hyperparameters = { [p(1)]: p(0) };
    hostile.evaluation!.metrics![0]!.name = p(0);
    hostile.additionalSections = [{ title: p(0), body: p(1) }];
    hostile.intendedUse = { primary: [p(0)], outOfScope: [p(3)] };
    const html = renderHtml(hostile);
    const allowed = new Set([
      "!doctype",
      "html",
      "head",
      "meta",
      "title",
      "style",
      "body",
      "header",
      "h1",
      "h2",
      "h3",
      "p",
      "strong",
      "section",
      "dl",
      "dt",
      "dd",
      "ul",
      "li",
      "a",
      "table",
      "tr",
      "th",
      "td",
      "code",
      "br",
      "pre",
    ]);
    for (const tag of html.match(/<[^>]*>/g) ?? []) {
      expect(allowed.has(/^<\/?([!a-z0-9]+)/i.exec(tag)![1]!.toLowerCase())).toBe(true);
      expect(tag).not.toMatch(/\son\w+\s*=/i);
    }
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&amp;lt;already escaped&amp;gt;");
  });

  it("links only http(s) URLs and shows other schemes as text", () => {
    const card: ModelCard = {
      ...loadCard(),
      references: ["javascript:alert(1)", "data:text/html,%3Cscript%3Ealert(1)%3C/script%3E"],
      urls: { homepage: "https://example.com/?a=1&b=2" },
    };
    const html = renderHtml(card);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).not.toMatch(/href="data:/i);
    expect(html).toContain('href="https://example.com/?a=1&amp;b=2"');
    expect(html).toContain("javascript:alert(1)");
  });

  it("refuses an invalid card", () => {
    expectCardError(() => renderHtml({ ...loadCard(), license: "<b>MIT</b>" }), "INVALID_CARD");
  });

  it("escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });
});
