/**
 * Bounded readers for untrusted text: JSON and YAML 1.2 (core schema) with size and nesting limits.
 * YAML anchors, aliases, merge keys, explicit tags and duplicate keys are refused: they are the
 * usual vehicles of "billion laughs" expansion and type confusion, and no card format needs them.
 */
import { isScalar, LineCounter, parseDocument, visit } from "yaml";
import { CardError, type CardIssue, summarizeIssues } from "./errors.js";

/** Limits for untrusted input. */
export interface InputLimits {
  /** Largest input accepted, in UTF-8 bytes. */
  maxBytes?: number;
  /** Deepest nesting of arrays/objects accepted. */
  maxDepth?: number;
  /** Most YAML nodes accepted. */
  maxNodes?: number;
}

/** Default limits: 4 MiB, depth 64, 200 000 YAML nodes. */
export const DEFAULT_INPUT_LIMITS: Readonly<Required<InputLimits>> = {
  maxBytes: 4 * 1024 * 1024,
  maxDepth: 64,
  maxNodes: 200_000,
};

function resolve(limits: InputLimits | undefined): Required<InputLimits> {
  return { ...DEFAULT_INPUT_LIMITS, ...limits };
}

/** UTF-8 length of `text`, computed only when the character count does not settle it. */
export function utf8Length(text: string): number {
  if (text.length * 3 <= 0xffff) {
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? 4 : c >= 0xdc00 && c < 0xe000 ? 0 : 3;
    }
    return n;
  }
  return new TextEncoder().encode(text).length;
}

/**
 * Throws `INPUT_TOO_LARGE` when `text` exceeds `maxBytes`.
 * @throws {@link CardError} `INPUT_TOO_LARGE`
 */
export function checkSize(text: string, what: string, limits?: InputLimits): void {
  const { maxBytes } = resolve(limits);
  if (text.length > maxBytes || utf8Length(text) > maxBytes) {
    throw new CardError("INPUT_TOO_LARGE", `${what} is larger than the limit of ${maxBytes} bytes`, {
      issues: [{ path: "", message: `larger than ${maxBytes} bytes` }],
    });
  }
}

function depthOf(value: unknown, maxDepth: number): number {
  // Iterative, so a hostile document cannot exhaust the stack.
  const stack: [unknown, number][] = [[value, 0]];
  let deepest = 0;
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (d > deepest) deepest = d;
    if (deepest > maxDepth) return deepest;
    if (v !== null && typeof v === "object") {
      for (const child of Array.isArray(v) ? v : Object.values(v)) {
        if (child !== null && typeof child === "object") stack.push([child, d + 1]);
      }
    }
  }
  return deepest;
}

/**
 * Parses untrusted JSON text within limits.
 *
 * @param text - the JSON text
 * @param what - what the text is, for messages (e.g. `"CycloneDX BOM"`)
 * @param limits - size and depth limits
 * @returns the parsed value
 * @throws {@link CardError} `INPUT_TOO_LARGE`, `INVALID_JSON`
 */
export function parseJsonBounded(text: string, what: string, limits?: InputLimits): unknown {
  const l = resolve(limits);
  checkSize(text, what, l);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new CardError("INVALID_JSON", `${what} is not valid JSON: ${(cause as Error).message}`, {
      cause,
      issues: [{ path: "", message: (cause as Error).message }],
    });
  }
  if (depthOf(value, l.maxDepth) > l.maxDepth) {
    throw new CardError("INPUT_TOO_LARGE", `${what} is nested deeper than ${l.maxDepth} levels`, {
      issues: [{ path: "", message: `nested deeper than ${l.maxDepth} levels` }],
    });
  }
  return value;
}

/**
 * Checks a value that did not come from text (an object handed over directly) for depth.
 * @throws {@link CardError} `INPUT_TOO_LARGE`
 */
export function checkDepth(value: unknown, what: string, limits?: InputLimits): void {
  const l = resolve(limits);
  if (depthOf(value, l.maxDepth) > l.maxDepth) {
    throw new CardError("INPUT_TOO_LARGE", `${what} is nested deeper than ${l.maxDepth} levels`, {
      issues: [{ path: "", message: `nested deeper than ${l.maxDepth} levels` }],
    });
  }
}

/**
 * Parses untrusted YAML 1.2 (core schema) within limits. Refuses anchors, aliases, merge keys
 * (`<<`), explicit tags, duplicate keys and anything the parser warns about; reports all of them
 * at once with line numbers (`line:N` paths, counted from `firstLine`).
 *
 * @param text - the YAML text
 * @param what - what the text is, for messages
 * @param options - limits, and the line number of the text's first line (default 1)
 * @returns the parsed value (plain objects, arrays, strings, numbers, booleans, null)
 * @throws {@link CardError} `INPUT_TOO_LARGE`, `INVALID_YAML`
 */
export function parseYamlBounded(
  text: string,
  what: string,
  options: InputLimits & { firstLine?: number } = {},
): unknown {
  const l = resolve(options);
  const firstLine = options.firstLine ?? 1;
  checkSize(text, what, l);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    version: "1.2",
    schema: "core",
    merge: false,
    uniqueKeys: true,
    strict: true,
    prettyErrors: false,
    lineCounter,
    stringKeys: false,
  });
  const issues: CardIssue[] = [];
  const at = (offset: number | undefined): string => {
    if (offset === undefined) return "";
    return `line:${lineCounter.linePos(offset).line + firstLine - 1}`;
  };
  for (const e of [...doc.errors, ...doc.warnings]) {
    issues.push({ path: at(e.pos[0]), message: e.message.split("\n")[0] ?? e.code });
  }
  let nodes = 0;
  let tooMany = false;
  visit(doc, {
    Alias(_key, node) {
      issues.push({ path: at(node.range?.[0]), message: `YAML aliases (*${node.source}) are not allowed` });
    },
    Pair(_key, pair) {
      if (isScalar(pair.key) && pair.key.value === "<<") {
        issues.push({ path: at(pair.key.range?.[0]), message: "YAML merge keys (<<) are not allowed" });
      }
    },
    Node(_key, node) {
      nodes++;
      if (nodes > l.maxNodes) {
        tooMany = true;
        return visit.BREAK;
      }
      // Parsed nodes carry a tag only when the source wrote one explicitly.
      if (node.anchor)
        issues.push({ path: at(node.range?.[0]), message: `YAML anchors (&${node.anchor}) are not allowed` });
      if (node.tag)
        issues.push({ path: at(node.range?.[0]), message: `explicit YAML tags (${node.tag}) are not allowed` });
      return undefined;
    },
  });
  if (tooMany) {
    throw new CardError("INPUT_TOO_LARGE", `${what} has more than ${l.maxNodes} YAML nodes`, {
      issues: [{ path: "", message: `more than ${l.maxNodes} YAML nodes` }],
    });
  }
  if (issues.length > 0) {
    throw new CardError("INVALID_YAML", summarizeIssues(`${what} is not acceptable YAML`, issues), { issues });
  }
  const value = doc.toJS({ maxAliasCount: 0 });
  if (depthOf(value, l.maxDepth) > l.maxDepth) {
    throw new CardError("INPUT_TOO_LARGE", `${what} is nested deeper than ${l.maxDepth} levels`, {
      issues: [{ path: "", message: `nested deeper than ${l.maxDepth} levels` }],
    });
  }
  return value;
}
