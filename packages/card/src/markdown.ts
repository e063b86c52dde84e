/**
 * The small markdown subset the Hugging Face renderer writes and the parser reads: ATX headings,
 * paragraphs, `- ` bullet lists (continuation lines indented by two spaces), `- **Label:** value`
 * fields and fenced code blocks. Not a general markdown parser.
 */

/** One heading and the lines under it (up to the next heading of any level). */
export interface MarkdownSection {
  /** 1 for `#`, 2 for `##`, … */
  level: number;
  /** Heading text. */
  title: string;
  /** Lines under the heading. */
  lines: string[];
}

const HEADING_START = /^(#{1,6})[ \t]+/;

/** Heading text without the optional closing `#`s (done with string operations: no backtracking on long lines). */
function headingText(rest: string): string {
  let end = rest.length;
  while (end > 0 && (rest[end - 1] === " " || rest[end - 1] === "\t")) end--;
  let hashes = end;
  while (hashes > 0 && rest[hashes - 1] === "#") hashes--;
  if (hashes < end && (hashes === 0 || rest[hashes - 1] === " " || rest[hashes - 1] === "\t")) end = hashes;
  return rest.slice(0, end).trim();
}
const FENCE = /^(`{3,}|~{3,})/;

/** Splits markdown into the text before the first heading and the sections; fenced code is kept whole. */
export function splitSections(markdown: string): { preamble: string[]; sections: MarkdownSection[] } {
  const preamble: string[] = [];
  const sections: MarkdownSection[] = [];
  let fence: string | undefined;
  for (const line of markdown.split(/\r\n|\r|\n/)) {
    const f = FENCE.exec(line);
    if (fence !== undefined) {
      if (f && line.startsWith(fence)) fence = undefined;
    } else if (f) {
      fence = f[1]!.slice(0, 3);
    } else {
      const h = HEADING_START.exec(line);
      if (h) {
        sections.push({ level: h[1]!.length, title: headingText(line.slice(h[0].length)), lines: [] });
        continue;
      }
    }
    const current = sections[sections.length - 1];
    (current ? current.lines : preamble).push(line);
  }
  return { preamble, sections };
}

/** Escapes text for a markdown paragraph: a line that would start a heading, fence or comment gets a backslash. */
export function escapeBlock(text: string): string {
  return text
    .split("\n")
    .map((l) => (/^(\\*)(#|`{3}|~{3}|<!--|- |\* |---)/.test(l) ? `\\${l}` : l))
    .join("\n");
}

/** Reverses {@link escapeBlock}. */
export function unescapeBlock(text: string): string {
  return text
    .split("\n")
    .map((l) => (/^\\+(#|`{3}|~{3}|<!--|- |\* |---)/.test(l) ? l.slice(1) : l))
    .join("\n");
}

/** One bullet item; embedded newlines become indented continuation lines. */
export function bullet(text: string): string {
  return `- ${escapeBlock(text).split("\n").join("\n  ")}`;
}

/** Reads the `- ` / `* ` bullets of some lines, joining continuation lines; other lines are returned apart. */
export function readBullets(lines: string[]): { items: string[]; rest: string[] } {
  const items: string[] = [];
  const rest: string[] = [];
  let current: string[] | undefined;
  for (const line of lines) {
    const m = /^[-*+][ \t]+(.*)$/.exec(line);
    if (m) {
      if (current) items.push(unescapeBlock(current.join("\n")));
      current = [m[1]!];
    } else if (current && /^ {2}/.test(line)) {
      current.push(line.slice(2));
    } else {
      if (current) items.push(unescapeBlock(current.join("\n")));
      current = undefined;
      rest.push(line);
    }
  }
  if (current) items.push(unescapeBlock(current.join("\n")));
  return { items, rest };
}

/** Trims leading and trailing blank lines. */
export function trimBlank(lines: string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a]!.trim() === "") a++;
  while (b > a && lines[b - 1]!.trim() === "") b--;
  return lines.slice(a, b);
}

/** Splits lines into paragraphs (blocks separated by blank lines). */
export function paragraphs(lines: string[]): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  for (const l of lines) {
    if (l.trim() === "") {
      if (cur.length) out.push(cur.join("\n"));
      cur = [];
    } else cur.push(l);
  }
  if (cur.length) out.push(cur.join("\n"));
  return out;
}

/** Escapes a markdown table cell. */
export function cell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
