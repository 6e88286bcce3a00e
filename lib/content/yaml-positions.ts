/**
 * Where things stand in a post's frontmatter, from the one `yaml` document
 * lib/content/frontmatter.ts parsed: each field's key, and each YAML error placed at
 * the field it belongs to, so an error points at the line to fix.
 */
import { isMap, isScalar, isSeq, type Document, type LineCounter, type YAMLMap } from "yaml";

export interface SourcePosition {
  line: number;
  column: number;
}

export interface ReadProblem extends SourcePosition {
  field: string;
  message: string;
}

/** Offsets in the YAML text as positions in the file: line 1 of the YAML is line 2 of the file. */
export function filePositions(counter: LineCounter): (offset: number) => SourcePosition {
  return (offset) => {
    const { line, col } = counter.linePos(offset);
    return { line: line + 1, column: col };
  };
}

/**
 * Where each top-level field's key stands in the file, and each key of a
 * mapping one level down, as `image.src`. A list places each item
 * (`author.1`, `corrections.1`), and an item that is a mapping each of its
 * keys (`corrections.1.date`): items look alike, and only the line tells
 * which one is wrong.
 */
export function fieldPositions(doc: Document, at: (offset: number) => SourcePosition): Map<string, SourcePosition> {
  const fields = new Map<string, SourcePosition>();
  if (!isMap(doc.contents)) return fields;
  const placeKeys = (map: YAMLMap, prefix: string) => {
    for (const inner of map.items) {
      if (isScalar(inner.key) && inner.key.range) fields.set(`${prefix}.${String(inner.key.value)}`, at(inner.key.range[0]));
    }
  };
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const name = String(pair.key.value);
    fields.set(name, at(pair.key.range[0]));
    // A nested field (image.src) is placed at its own key, for problems found after the schema.
    if (isMap(pair.value)) placeKeys(pair.value, name);
    if (!isSeq(pair.value)) continue;
    for (const [index, item] of pair.value.items.entries()) {
      const range = (item as { range?: [number, number, number] } | null)?.range;
      if (!range) continue;
      fields.set(`${name}.${index}`, at(range[0]));
      if (isMap(item)) placeKeys(item, `${name}.${index}`);
    }
  }
  return fields;
}

/** A problem at an offset of the YAML text, named after the field it falls in. */
export function problemAt(doc: Document, at: (offset: number) => SourcePosition, offset: number, message: string): ReadProblem {
  const where = placeYamlError(doc.contents, offset);
  return { ...at(where.offset), field: where.field ?? "frontmatter", message };
}

/** Every error and warning `yaml` found (an unknown `!tag` is only a warning to it, and would reach the page as text). */
export function yamlProblems(doc: Document, at: (offset: number) => SourcePosition): ReadProblem[] {
  return [...doc.errors, ...doc.warnings].map((error) => {
    const reason = `${error.message.split("\n")[0] ?? ""}${YAML_HINTS[error.code] ?? ""}`;
    return problemAt(doc, at, error.pos[0], `expected valid YAML, found an error: ${reason}`);
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
  if (!isMap(contents)) return { offset };
  for (const pair of contents.items) {
    if (!isScalar(pair.key)) continue;
    // A key that runs over lines is no field name an author wrote (a stray line inside the frontmatter).
    const field = /\s/.test(String(pair.key.value).trim()) ? "frontmatter" : String(pair.key.value);
    const key = pair.key.range;
    const value = (pair.value as { range?: [number, number, number] } | null)?.range;
    if (!key || offset < key[0] || offset > (value?.[1] ?? key[1])) continue;
    return { offset: value && offset === value[1] ? value[0] : offset, field };
  }
  return { offset };
}
