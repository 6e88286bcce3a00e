/**
 * Reads a post file the way the build does and, when something is wrong,
 * where each frontmatter field sits, so an error can point at the line to fix.
 * Eleventy is given the same YAML reader (see lib/validate-plugin.ts), so what
 * is checked here is exactly what the templates receive.
 *
 * Two YAML libraries, each for what it does best: js-yaml reads every post
 * (about nine times faster than `yaml` on frontmatter); `yaml`, which keeps
 * the position of every node, places the problems (lib/yaml-positions.ts).
 */
import jsYaml from "js-yaml";
import { fieldPositions, yamlProblems } from "./yaml-positions.ts";

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
  /** Where each top-level field's key stands in the file (read on first use: only problems need it). */
  readonly fields: Map<string, SourcePosition>;
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

/**
 * Values the validator parsed, by frontmatter text, so Eleventy's frontmatter
 * engine can take them instead of parsing each post a second time. Taking
 * removes the entry: each is used once per build.
 */
const parsed = new Map<string, unknown>();
const yamlKey = (source: string) => source.replace(/\r\n?/g, "\n").trim();

/** Offers Eleventy a valid post's validated values (fresh or from lib/validation-cache.ts), by the key readPost gave. */
export function shareParsedYaml(key: string, data: unknown): void {
  parsed.set(key, data);
}

export function takeParsedYaml(source: string): unknown {
  const key = yamlKey(source);
  const value = parsed.get(key);
  parsed.delete(key);
  return value;
}

/**
 * The values of a frontmatter text, for the validator and for Eleventy's
 * frontmatter engine alike. The YAML 1.2 core schema: a date stays the text
 * written, for the schema to judge; duplicate keys are an error.
 */
export function loadYaml(source: string): unknown {
  return jsYaml.load(source, { schema: jsYaml.CORE_SCHEMA });
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
  let value: unknown;
  try {
    value = loadYaml(yamlText);
  } catch (error) {
    return { ok: false, problems: yamlProblems(yamlText, error as jsYaml.YAMLException) };
  }
  if (value !== null && value !== undefined && (typeof value !== "object" || Array.isArray(value))) {
    return fail(2, "frontmatter", "expected `field: value` lines, found " + describeNode(value));
  }
  const data = (value ?? {}) as Record<string, unknown>;
  const key = yamlKey(yamlText);
  let fields: Map<string, SourcePosition> | undefined;
  return {
    ok: true,
    post: {
      data,
      body: lines.slice(close + 1).join("\n"),
      bodyLine: close + 2,
      get fields() {
        return (fields ??= fieldPositions(yamlText));
      },
      yamlKey: key,
    },
  };
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
