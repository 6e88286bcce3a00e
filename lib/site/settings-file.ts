/**
 * Reads and checks the publication's settings file (site.yaml) the way a
 * post's frontmatter is read (lib/content/frontmatter.ts): one `yaml` parse
 * that keeps every node's position, then the schema (lib/site/settings-schema.ts),
 * so each problem names its line, column and field, and all of them are
 * reported at once. Loaded only when the file is not the one last checked
 * (lib/site/settings-store.ts).
 */
import { isMap, isScalar, LineCounter, parseDocument, type Document } from "yaml";
import { formatProblem } from "../checks/problems.ts";
import { suggestField } from "../checks/suggest.ts";
import { controlCharactersInData, describeControlCharacter } from "../content/control-characters.ts";
import { describeNode, normaliseText } from "../content/frontmatter.ts";
import { LIMITS } from "../content/limits.ts";
import { yamlProblems, type SourcePosition } from "../content/yaml-positions.ts";
import { settingsFields, settingsSchema, type SiteSettings } from "./settings-schema.ts";
import { readSettingsBytes, SETTINGS_FILE, type SettingsReading } from "./settings-source.ts";

interface Problem extends SourcePosition {
  field: string;
  message: string;
}

/** The checked settings, or every problem as `file:line:column: field: message`, in file order. */
export function checkSettingsFile(file: string, bytes: Uint8Array): SettingsReading {
  const read = readProblems(bytes);
  if ("problems" in read) return { ok: false, problems: read.problems.map((problem) => formatProblem({ file, ...problem })) };
  return { ok: true, settings: read.settings };
}

/** site.yaml in `root`, read and checked now, without the cache the build keeps: for tests and tools. */
export function readSettingsFile(root = process.cwd()): SettingsReading {
  const bytes = readSettingsBytes(root);
  return Buffer.isBuffer(bytes) ? checkSettingsFile(SETTINGS_FILE, bytes) : bytes;
}

function readProblems(bytes: Uint8Array): { settings: SiteSettings } | { problems: Problem[] } {
  let text: string;
  try {
    text = normaliseText(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return fail("expected UTF-8 text, found bytes in another encoding (save the file as UTF-8)");
  }
  const counter = new LineCounter();
  // The YAML 1.2 core schema, as for posts: `no` and `on` stay text.
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false, schema: "core" });
  const at = (offset: number): SourcePosition => {
    const { line, col } = counter.linePos(offset);
    return { line, column: col };
  };
  const malformed = yamlProblems(doc, at).map((problem) => ({
    ...problem,
    field: problem.field === "frontmatter" ? "file" : problem.field,
  }));
  if (malformed.length > 0) return { problems: malformed };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: LIMITS.yamlAliases });
  } catch (error) {
    return fail(`expected valid YAML, found an error: ${(error as Error).message}`);
  }
  if (data === null || data === undefined || typeof data !== "object" || Array.isArray(data)) {
    return fail(`expected \`field: value\` lines (${settingsFields.join(", ")}), found ${describeNode(data)}`);
  }

  const problems: Problem[] = [];
  const add = (path: readonly PropertyKey[], message: string) =>
    problems.push({ ...keyPosition(doc, path, at), field: path.map(String).join(".") || "file", message });
  const result = settingsSchema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === "unrecognized_keys") {
        const known = issue.path.length === 0 ? settingsFields : Object.keys(nestedShape(issue.path));
        for (const key of issue.keys) {
          const hint = suggestField(key, known);
          add([...issue.path, key], `unknown field${hint ? `; did you mean "${hint}"?` : ""} (expected one of ${known.join(", ")})`);
        }
        continue;
      }
      if (issue.code === "invalid_key") {
        // A person's key that cannot be an address: the key's own rule says why.
        add(issue.path, `expected ${issue.issues[0]?.message ?? issue.message}, found the key "${String(issue.path.at(-1))}"`);
        continue;
      }
      const found = issue.path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key], data);
      add(issue.path, `expected ${issue.message}, found ${describeNode(found)}`);
    }
  }
  for (const found of controlCharactersInData(data)) add(found.field.split("."), describeControlCharacter(found.codePoint));
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  if (!result.success || problems.length > 0) return { problems };
  return { settings: result.data };
}

function fail(message: string): { problems: Problem[] } {
  return { problems: [{ line: 1, column: 1, field: "file", message }] };
}

/** The fields a nested mapping of the schema may hold: the publisher's (`author`), and each person's under `authors`. */
function nestedShape(path: readonly PropertyKey[]): Record<string, unknown> {
  if (path[0] === "author") return settingsSchema.shape.author.shape;
  return path[0] === "authors" && path.length === 2 ? settingsSchema.shape.authors.unwrap().valueType.shape : {};
}

/**
 * Where the key of a (nested) field stands. A field that is not there is
 * placed at the mapping that should hold it: `author.name` missing points at
 * `author:`, a missing top-level field at the start of the file.
 */
function keyPosition(doc: Document, path: readonly PropertyKey[], at: (offset: number) => SourcePosition): SourcePosition {
  let node: unknown = doc.contents;
  let found: SourcePosition = { line: 1, column: 1 };
  for (const key of path) {
    if (!isMap(node)) break;
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
    const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
    if (!pair || !range) break;
    found = at(range[0]);
    node = pair.value;
  }
  return found;
}
