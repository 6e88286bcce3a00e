/**
 * The one reader of a post file: it splits the frontmatter from the body and
 * parses the YAML, once. The checks judge what it returns, and Eleventy
 * publishes exactly that (lib/render/post-template.ts): nothing else reads a post.
 *
 * `yaml` keeps the position of every node, so a problem points at its line,
 * and it bounds aliases, which can otherwise copy a subtree without end.
 */
import { isAlias, isCollection, isPair, LineCounter, parseDocument, type Document } from "yaml";
import { LIMITS } from "./limits.ts";
import { fieldPositions, filePositions, problemAt, yamlProblems, type ReadProblem, type SourcePosition } from "./yaml-positions.ts";

export type { ReadProblem, SourcePosition } from "./yaml-positions.ts";

export interface ParsedPost {
  /** Parsed YAML mapping (unvalidated). */
  data: Record<string, unknown>;
  /** Markdown after the closing `---`. */
  body: string;
  /** 1-based line where the body starts in the file. */
  bodyLine: number;
  /** Where each field's key stands in the file, top-level, one level down (`image.src`) and in lists' items (`corrections.1.date`); worked out on first use: only problems need it. */
  readonly fields: Map<string, SourcePosition>;
}

export type ReadResult = { ok: true; post: ParsedPost } | { ok: false; problems: ReadProblem[] };

const FENCE = /^---[ \t]*$/;

/** Accepts a BOM and CRLF or old-Mac CR line endings: every editor's file reads the same. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

export function readPost(rawText: string): ReadResult {
  const lines = normaliseText(rawText).split("\n");
  if (!FENCE.test(lines[0] ?? "")) {
    return fail(1, "frontmatter", `expected the file to start with a \`---\` line, found ${quoteLine(lines[0])}`);
  }
  const close = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (close === -1) {
    return fail(1, "frontmatter", "expected a closing `---` line after the fields, found the end of the file");
  }
  const yamlText = lines.slice(1, close).join("\n");
  const counter = new LineCounter();
  // The YAML 1.2 core schema: a date stays the text written, for the schema to judge.
  const doc = parseDocument(yamlText, { lineCounter: counter, uniqueKeys: true, prettyErrors: false, schema: "core" });
  const at = filePositions(counter);
  const problems = [...yamlProblems(doc, at), ...resourceProblems(doc, at)];
  if (problems.length > 0) return { ok: false, problems };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: LIMITS.yamlAliases });
  } catch (error) {
    return fail(2, "frontmatter", `expected valid YAML, found an error: ${(error as Error).message}`);
  }
  if (value !== null && value !== undefined && (typeof value !== "object" || Array.isArray(value))) {
    return fail(2, "frontmatter", `expected \`field: value\` lines, found ${describeNode(value)}`);
  }
  let fields: Map<string, SourcePosition> | undefined;
  return {
    ok: true,
    post: {
      data: (value ?? {}) as Record<string, unknown>,
      body: lines.slice(close + 1).join("\n"),
      bodyLine: close + 2,
      get fields() {
        return (fields ??= fieldPositions(doc, at));
      },
    },
  };
}

/** Aliases and nesting past the limits in lib/content/limits.ts, each at the node that crosses it. */
function resourceProblems(doc: Document, at: (offset: number) => SourcePosition): ReadProblem[] {
  const problems: ReadProblem[] = [];
  let aliases = 0;
  const walk = (node: unknown, depth: number): void => {
    if (isPair(node)) {
      walk(node.key, depth);
      walk(node.value, depth);
      return;
    }
    const offset = (node as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;
    if (isAlias(node) && node.resolve(doc) === undefined) {
      problems.push(
        problemAt(
          doc,
          at,
          offset,
          `expected valid YAML, found an error: the alias *${node.source} names no anchor (&${node.source}) before it`,
        ),
      );
    } else if (isAlias(node) && ++aliases === LIMITS.yamlAliases + 1) {
      problems.push(problemAt(doc, at, offset, `expected at most ${LIMITS.yamlAliases} YAML aliases (*name), found more`));
    }
    if (!isCollection(node)) return;
    if (depth === LIMITS.yamlDepth) {
      problems.push(problemAt(doc, at, offset, `expected lists and mappings nested at most ${LIMITS.yamlDepth} deep, found deeper`));
      return;
    }
    for (const item of node.items) walk(item, depth + 1);
  };
  walk(doc.contents, 0);
  return problems;
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
