/**
 * Where a problem in a post's frontmatter sits, from the `yaml` library,
 * which keeps the position of every node (lib/frontmatter.ts reads posts with
 * js-yaml, which does not). Asked only when a post has a problem to point at,
 * and loaded on that first problem: a build of valid posts never loads it.
 */
import { createRequire } from "node:module";
import type { ReadProblem, SourcePosition } from "./frontmatter.ts";

type YamlLibrary = typeof import("yaml");
let yamlLibrary: YamlLibrary | undefined;
const yaml = (): YamlLibrary => (yamlLibrary ??= createRequire(import.meta.url)("yaml") as YamlLibrary);

/** What js-yaml says when it refuses a text. */
export interface YamlRefusal {
  message: string;
  reason?: string;
  mark?: { position: number };
}

/** `yaml`'s document of a frontmatter text, with a way to turn its offsets into file positions. */
function positionedDocument(yamlText: string) {
  const counter = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(yamlText, { lineCounter: counter, uniqueKeys: true, prettyErrors: false, schema: "core" });
  // Line 1 of the YAML text is line 2 of the file.
  const at = (offset: number): SourcePosition => {
    const { line, col } = counter.linePos(offset);
    return { line: line + 1, column: col };
  };
  return { doc, at };
}

/** Where each top-level field's key stands in the file. */
export function fieldPositions(yamlText: string): Map<string, SourcePosition> {
  const { doc, at } = positionedDocument(yamlText);
  const fields = new Map<string, SourcePosition>();
  const { isMap, isScalar } = yaml();
  if (!isMap(doc.contents)) return fields;
  for (const pair of doc.contents.items) {
    if (isScalar(pair.key) && pair.key.range) fields.set(String(pair.key.value), at(pair.key.range[0]));
  }
  return fields;
}

/**
 * What is wrong with a text js-yaml refused, in `yaml`'s words, which name
 * the construct and place the error at the field where it starts. Should
 * `yaml` find nothing wrong, js-yaml's own reason and place are reported.
 */
export function yamlProblems(yamlText: string, refusal: YamlRefusal): ReadProblem[] {
  const { doc, at } = positionedDocument(yamlText);
  const problem = (position: SourcePosition, field: string | undefined, reason: string, hint = ""): ReadProblem => ({
    ...position,
    field: field ?? "frontmatter",
    message: `expected valid YAML, found an error: ${reason}${hint}`,
  });
  if (doc.errors.length === 0) {
    const where = placeYamlError(doc.contents, refusal.mark?.position ?? 0);
    return [problem(at(where.offset), where.field, refusal.reason ?? refusal.message)];
  }
  return doc.errors.map((error) => {
    const where = placeYamlError(doc.contents, error.pos[0]);
    return problem(at(where.offset), where.field, error.message.split("\n")[0] ?? "", YAML_HINTS[error.code]);
  });
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
  const { isMap, isScalar } = yaml();
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
