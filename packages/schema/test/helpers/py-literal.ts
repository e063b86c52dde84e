// A reader for the Python literals in ../shared/fixtures/mlflow (dicts, lists, tuples, str, bytes,
// int, float, True/False/None), so fixture inputs given only as Python text can be fed to the JS API.
// bytes become Uint8Array; tuples become arrays.

export function parsePyLiteral(text: string): unknown {
  const p = new Reader(text);
  const v = p.value();
  p.end();
  return v;
}

/** Parses `f(a, b, ...)` and returns the arguments. */
export function parsePyCall(text: string, fn: string): unknown[] {
  const t = text.trim();
  if (!t.startsWith(`${fn}(`) || !t.endsWith(")")) throw new Error(`not a call of ${fn}: ${t}`);
  const p = new Reader(t.slice(fn.length + 1, -1));
  const args: unknown[] = [];
  p.ws();
  while (!p.done()) {
    args.push(p.value());
    p.ws();
    if (!p.done()) p.expect(",");
    p.ws();
  }
  return args;
}

class Reader {
  private i = 0;
  constructor(private readonly s: string) {}

  done(): boolean {
    return this.i >= this.s.length;
  }

  ws(): void {
    while (/\s/.test(this.s[this.i] ?? "")) this.i++;
  }

  expect(c: string): void {
    this.ws();
    if (this.s[this.i] !== c) throw new Error(`expected '${c}' at ${this.i} in ${this.s}`);
    this.i++;
  }

  end(): void {
    this.ws();
    if (!this.done()) throw new Error(`trailing text at ${this.i}: ${this.s.slice(this.i)}`);
  }

  value(): unknown {
    this.ws();
    const c = this.s[this.i];
    if (c === "{") return this.dict();
    if (c === "[") return this.seq("[", "]");
    if (c === "(") return this.seq("(", ")");
    if (c === '"' || c === "'") return this.str();
    if (c === "b" && (this.s[this.i + 1] === '"' || this.s[this.i + 1] === "'")) {
      this.i++;
      return new TextEncoder().encode(this.str());
    }
    for (const [word, v] of [
      ["True", true],
      ["False", false],
      ["None", null],
    ] as const) {
      if (this.s.startsWith(word, this.i)) {
        this.i += word.length;
        return v;
      }
    }
    const m = /^-?\d+(\.\d+)?([eE][-+]?\d+)?/.exec(this.s.slice(this.i));
    if (!m) throw new Error(`unexpected '${c}' at ${this.i} in ${this.s}`);
    this.i += m[0].length;
    return Number(m[0]);
  }

  private dict(): Record<string, unknown> {
    this.expect("{");
    const out: Record<string, unknown> = {};
    this.ws();
    while (this.s[this.i] !== "}") {
      const k = this.value();
      if (typeof k !== "string") throw new Error("only string keys can be expressed in JS");
      this.expect(":");
      Object.defineProperty(out, k, { value: this.value(), enumerable: true, writable: true, configurable: true });
      this.ws();
      if (this.s[this.i] === ",") this.i++;
      this.ws();
    }
    this.i++;
    return out;
  }

  private seq(open: string, close: string): unknown[] {
    this.expect(open);
    const out: unknown[] = [];
    this.ws();
    while (this.s[this.i] !== close) {
      out.push(this.value());
      this.ws();
      if (this.s[this.i] === ",") this.i++;
      this.ws();
    }
    this.i++;
    return out;
  }

  private str(): string {
    const q = this.s[this.i++];
    let out = "";
    while (this.s[this.i] !== q) {
      const c = this.s[this.i++];
      if (c === undefined) throw new Error("unterminated string");
      if (c === "\\") {
        const e = this.s[this.i++];
        out += e === "n" ? "\n" : e === "t" ? "\t" : (e ?? "");
      } else out += c;
    }
    this.i++;
    return out;
  }
}
