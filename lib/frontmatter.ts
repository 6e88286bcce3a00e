/**
 * Reads a post file the way the build does and remembers where each
 * frontmatter field sits, so an error can point at the line to fix.
 * Eleventy is given the same YAML parser (see lib/validate-plugin.ts), so what
 * is checked here is exactly what the templates receive.
 */
import { LineCounter, parseDocument, isMap, isScalar } from "yaml";

export interface SourcePosition {
  line: number;
  column: number;
}

export interface ParsedPost {
  /** Parsed YAML mapping (unvalidated). */
  data: Record<string, unknown>;
  /** Markdown after the closing `---`. */
  body: string;
  /** 1-based line where the body starts in the file. */
  bodyLine: number;
  /** Where each top-level field's key stands in the file. */
  fields: Map<string, SourcePosition>;
  /** The frontmatter text as Eleventy's engine will look it up (see shareParsedYaml). */
  yamlKey: string;
}

export interface ReadProblem {
  line: number;
  column: number;
  field: string;
  message: string;
}

export type ReadResult = { ok: true; post: ParsedPost } | { ok: false; problems: ReadProblem[] };

const FENCE = /^---[ \t]*$/;

/** Accepts a BOM and CRLF line endings, which editors on Windows produce. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

/** YAML parsing shared by the validator and by Eleventy's front matter engine. */
/**
 * Values the validator parsed, by frontmatter text, so Eleventy's frontmatter
 * engine can take them instead of parsing each post a second time. Taking
 * removes the entry: each is used once per build.
 */
const parsed = new Map<string, unknown>();
const yamlKey = (source: string) => source.replace(/\r\n?/g, "\n").trim();

/** Offers Eleventy values parsed in an earlier run (lib/validation-cache.ts), by the key readPost gave. */
export function shareParsedYaml(key: string, data: unknown): void {
  parsed.set(key, data);
}

export function takeParsedYaml(source: string): unknown {
  const key = yamlKey(source);
  const value = parsed.get(key);
  parsed.delete(key);
  return value;
}

export function parseYaml(source: string, lineCounter?: LineCounter) {
  return parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false, schema: "core" });
}

export function readPost(rawText: string): ReadResult {
  const lines = normaliseText(rawText).split("\n");
  if (!FENCE.test(lines[0] ?? "")) {
    return fail(1, "frontmatter", "expected the file to start with a `---` line, found " + quoteLine(lines[0]));
  }
  const close = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (close === -1) {
    return fail(1, "frontmatter", "expected a closing `---` line after the fields, found the end of the file");
  }
  const yamlText = lines.slice(1, close).join("\n");
  const counter = new LineCounter();
  const doc = parseYaml(yamlText, counter);
  // Line 1 of the YAML text is line 2 of the file.
  const at = (offset: number): SourcePosition => {
    const { line, col } = counter.linePos(offset);
    return { line: line + 1, column: col };
  };
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => {
        const where = placeYamlError(doc.contents, error.pos[0]);
        return {
          ...at(where.offset),
          field: where.field ?? "frontmatter",
          message: `expected valid YAML, found an error: ${error.message.split("\n")[0]}${YAML_HINTS[error.code] ?? ""}`,
        };
      }),
    };
  }
  const fields = new Map<string, SourcePosition>();
  if (doc.contents !== null && !isMap(doc.contents)) {
    return fail(2, "frontmatter", "expected `field: value` lines, found " + describeNode(doc.toJS()));
  }
  for (const pair of doc.contents?.items ?? []) {
    if (isScalar(pair.key) && pair.key.range) fields.set(String(pair.key.value), at(pair.key.range[0]));
  }
  const body = lines.slice(close + 1).join("\n");
  const data = (doc.toJS() ?? {}) as Record<string, unknown>;
  const key = yamlKey(yamlText);
  parsed.set(key, data);
  return { ok: true, post: { data, body, bodyLine: close + 2, fields, yamlKey: key } };
}

const YAML_HINTS: Partial<Record<string, string>> = {
  BLOCK_AS_IMPLICIT_KEY: " (text containing `: ` must be in quotes)",
  DUPLICATE_KEY: " (this field is given twice)",
};

/**
 * YAML reports an unclosed quote or bracket where the value ends, often on
 * the next field's line; point at the field whose value it is, where it opens.
 */
function placeYamlError(contents: unknown, offset: number): { offset: number; field?: string } {
  if (!isMap(contents)) return { offset };
  for (const pair of contents.items) {
    if (!isScalar(pair.key)) continue;
    const field = String(pair.key.value);
    const key = pair.key.range;
    if (key && offset >= key[0] && offset <= key[1]) return { offset, field };
    const value = (pair.value as { range?: [number, number, number] } | null)?.range;
    if (value && offset >= value[0] && offset <= value[1]) return { offset: offset === value[1] ? value[0] : offset, field };
  }
  return { offset };
}

function fail(line: number, field: string, message: string): ReadResult {
  return { ok: false, problems: [{ line, column: 1, field, message }] };
}

function quoteLine(line: string | undefined): string {
  return line === undefined || line === "" ? "an empty line" : JSON.stringify(line.slice(0, 40));
}

/** A short, human description of a value an author wrote. */
export function describeNode(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "an empty value";
  if (Array.isArray(value)) return `a list (${JSON.stringify(value).slice(0, 60)})`;
  if (typeof value === "string") return value.trim() === "" ? "an empty text" : `the text ${JSON.stringify(value.slice(0, 60))}`;
  if (typeof value === "object") return `a mapping (${JSON.stringify(value).slice(0, 60)})`;
  return `${typeof value === "number" ? "the number" : "the value"} ${String(value)}`;
}
