/**
 * A small, self-contained HTML page for a card (for demos and registry pages). Every piece of card
 * content is HTML-escaped; only `http:` / `https:` URLs become links (with `rel="noopener
 * noreferrer nofollow"`), others are shown as text; the page has no scripts and a restrictive
 * Content-Security-Policy.
 */
import type { Dataset, ModelCard } from "./types.js";
import { assertCard } from "./validate.js";

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

function link(url: string, label?: string): string {
  const text = escapeHtml(label ?? url);
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== "https:" && parsed.protocol !== "http:")) return text;
  return `<a href="${escapeHtml(parsed.href)}" rel="noopener noreferrer nofollow">${text}</a>`;
}

function list(items: string[] | undefined): string {
  if (!items?.length) return "";
  return `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`;
}

function section(title: string, body: string): string {
  return body ? `<section><h2>${escapeHtml(title)}</h2>${body}</section>` : "";
}

function dl(rows: [string, string | undefined][]): string {
  const kept = rows.filter((r): r is [string, string] => r[1] !== undefined && r[1] !== "");
  return kept.length ? `<dl>${kept.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v}</dd>`).join("")}</dl>` : "";
}

function datasets(title: string, list: Dataset[] | undefined): string {
  if (!list?.length) return "";
  const rows = list.map((d) => {
    const bits = [d.id, d.version, d.records !== undefined ? `${d.records} records` : undefined, d.license]
      .filter((x): x is string => !!x)
      .map(escapeHtml);
    return `<li><strong>${escapeHtml(d.name)}</strong>${bits.length ? ` (${bits.join("; ")})` : ""}${d.url ? ` — ${link(d.url)}` : ""}${d.description ? `: ${escapeHtml(d.description)}` : ""}</li>`;
  });
  return `<h3>${escapeHtml(title)}</h3><ul>${rows.join("")}</ul>`;
}

const STYLE =
  "body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}" +
  "h1{margin-bottom:.2rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}" +
  "dt{font-weight:600}dd{margin:0 0 .5rem 0}code{word-break:break-all}";

/**
 * Renders a card as a standalone HTML page. All card text is escaped (hostile cards render as
 * text); only http(s) URLs are linked.
 *
 * @param card - a valid model card
 * @returns the HTML document
 * @throws {@link CardError} `INVALID_CARD`
 */
export function renderHtml(card: ModelCard): string {
  assertCard(card);
  const e = escapeHtml;
  const parts: string[] = [];
  parts.push(`<header><h1>${e(card.name)}</h1><p>Version ${e(card.version)} · licence ${e(card.license)}</p>`);
  if (card.summary) parts.push(`<p><strong>${e(card.summary)}</strong></p>`);
  if (card.description) parts.push(...card.description.split(/\n{2,}/).map((p) => `<p>${e(p)}</p>`));
  parts.push("</header>");
  parts.push(
    section(
      "Model details",
      dl([
        [
          "Developed by",
          card.creators
            ?.map((c) => (c.url ? link(c.url, c.name) : e(c.name)) + (c.email ? ` &lt;${e(c.email)}&gt;` : ""))
            .join(", "),
        ],
        ["Created", card.created && e(card.created)],
        ["Updated", card.updated && e(card.updated)],
        ["Task", card.task && e(card.task)],
        [
          "Architecture",
          [card.architecture?.family, card.architecture?.name]
            .filter(Boolean)
            .map((x) => e(x!))
            .join(" / ") || undefined,
        ],
        ["Library", card.libraryName && e(card.libraryName)],
        ["Languages", card.languages?.map(e).join(", ")],
        ["Base models", card.lineage?.baseModels?.map((b) => (b.url ? link(b.url, b.id) : e(b.id))).join(", ")],
        [
          "Licence",
          card.licenseUrl
            ? link(card.licenseUrl, card.licenseName ?? card.license)
            : card.licenseName && e(card.licenseName),
        ],
        ...Object.entries(card.urls ?? {}).map(([k, v]): [string, string] => [k, link(v)]),
      ]),
    ),
  );
  const u = card.intendedUse;
  parts.push(
    section(
      "Uses",
      [
        u?.primary?.length ? `<h3>Primary uses</h3>${list(u.primary)}` : "",
        u?.secondary?.length ? `<h3>Secondary uses</h3>${list(u.secondary)}` : "",
        u?.outOfScope?.length ? `<h3>Out of scope</h3>${list(u.outOfScope)}` : "",
        u?.users?.length ? `<h3>Intended users</h3>${list(u.users)}` : "",
      ].join(""),
    ),
  );
  parts.push(
    section(
      "Limitations and risks",
      list(card.limitations) +
        (card.ethicalConsiderations?.length
          ? `<table><tr><th>Risk</th><th>Mitigation</th></tr>${card.ethicalConsiderations.map((r) => `<tr><td>${e(r.risk)}</td><td>${e(r.mitigation ?? "")}</td></tr>`).join("")}</table>`
          : ""),
    ),
  );
  const t = card.training;
  parts.push(
    section(
      "Training",
      datasets("Data", t?.datasets) +
        (t?.preprocessing?.length ? `<h3>Preprocessing</h3>${list(t.preprocessing)}` : "") +
        dl([
          ["Method", t?.procedure?.method && e(t.procedure.method)],
          ["Procedure", t?.procedure?.description && e(t.procedure.description)],
          [
            "Hyperparameters",
            Object.entries(t?.procedure?.hyperparameters ?? {})
              .map(([k, v]) => `<code>${e(k)}</code> = ${e(String(v))}`)
              .join(", ") || undefined,
          ],
          ["Hardware", t?.compute?.hardware && e(t.compute.hardware)],
          ["Energy", t?.compute?.energyKwh !== undefined ? `${t.compute.energyKwh} kWh` : undefined],
          ["Emissions", t?.compute?.co2eqKg !== undefined ? `${t.compute.co2eqKg} kg CO2eq` : undefined],
        ]),
    ),
  );
  const metrics = card.evaluation?.metrics ?? [];
  parts.push(
    section(
      "Evaluation",
      datasets("Benchmarks", card.evaluation?.benchmarks) +
        (metrics.length
          ? `<table><tr><th>Metric</th><th>Value</th><th>Dataset</th><th>Confidence interval</th></tr>${metrics
              .map(
                (m) =>
                  `<tr><td>${e(m.name ?? m.type)}</td><td>${m.value}</td><td>${e([m.dataset, m.split, m.slice].filter(Boolean).join(" / "))}</td><td>${m.confidence ? `[${m.confidence.lower}, ${m.confidence.upper}]` : ""}</td></tr>`,
              )
              .join("")}</table>`
          : ""),
    ),
  );
  parts.push(
    section(
      "Provenance and integrity",
      dl([
        ["Provenance root", card.provenance && `<code>${e(card.provenance.root)}</code>`],
        ["Provenance record", card.provenance?.recordUrl && link(card.provenance.recordUrl)],
        ["Model digests", card.hashes?.map((h) => `${e(h.alg)} <code>${e(h.value)}</code>`).join("<br>")],
        [
          "Signatures",
          card.signatures
            ?.map(
              (s) =>
                `${e(s.kind)}${s.url ? ` ${link(s.url)}` : ""}${s.path ? ` <code>${e(s.path)}</code>` : ""}${s.identity ? ` by ${e(s.identity)}` : ""}`,
            )
            .join("<br>"),
        ],
        ["Files", card.artifacts?.map((a) => `<code>${e(a.path)}</code>`).join(", ")],
      ]),
    ),
  );
  const sw = card.software;
  if (sw) {
    parts.push(
      section(
        "Software",
        `<ul>${sw.dependencies.map((d) => `<li>${e(d.name)} ${e(d.version ?? d.versionSpec ?? "")}${d.license ? ` (${e(d.license)})` : ""}</li>`).join("")}</ul>` +
          `<p>Known vulnerabilities: ${sw.vulnerabilities.length ? sw.vulnerabilities.map((v) => (v.url ? link(v.url, v.id) : e(v.id))).join(", ") : "none"}</p>`,
      ),
    );
  }
  const more = [
    ...(card.references ?? []).map((r) => `<li>${link(r)}</li>`),
    ...(card.citations ?? []).map((c) => `<li><pre>${e(c.text)}</pre></li>`),
  ];
  const m = card.maintenance;
  parts.push(
    section(
      "More information",
      dl([
        ["Versioning", m?.versioning && e(m.versioning)],
        ["Update frequency", m?.updateFrequency && e(m.updateFrequency)],
        ["Contact", m?.contact && e(m.contact)],
      ]) + (more.length ? `<ul>${more.join("")}</ul>` : ""),
    ),
  );
  for (const s of card.additionalSections ?? [])
    parts.push(
      section(
        s.title,
        s.body
          .split(/\n{2,}/)
          .map((p) => `<p>${e(p)}</p>`)
          .join(""),
      ),
    );
  return [
    "<!DOCTYPE html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(card.name)} ${e(card.version)} — model card</title>`,
    `<style>${STYLE}</style></head><body>`,
    ...parts.filter(Boolean),
    "</body></html>",
    "",
  ].join("\n");
}
