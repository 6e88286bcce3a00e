/**
 * Checks every post before anything is rendered: frontmatter against the
 * schema, file names as permanent slugs, duplicates across folders, and tags
 * that would share a URL. Collects every problem instead of stopping at the first.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describeNode, readPost, type SourcePosition } from "./frontmatter.ts";
import type { PostProblem } from "./errors.ts";
import { frontmatterSchema, frontmatterFields, type Frontmatter } from "./schema.ts";
import { POST_SLUG } from "./slug.ts";
import { suggestField } from "./suggest.ts";
import { inspectBody, type ParsedBodyListener } from "./body-checks.ts";
import { combineOutcomes, type FileOutcome } from "./post-set-checks.ts";
import { controlCharactersInData, describeControlCharacter, findControlCharacters } from "./control-characters.ts";

export type { FileOutcome } from "./post-set-checks.ts";

export interface ValidPost {
  file: string;
  slug: string;
  data: Frontmatter;
  /** Words in the body, for the reading time. */
  words: number;
}

export interface ValidationReport {
  posts: ValidPost[];
  problems: PostProblem[];
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

export function validateFiles(root: string, files: string[]): ValidationReport {
  return combineOutcomes(files, files.map((file) => validateOne(file, readFileSync(path.join(root, file)))));
}

/** `onParsed`, if given, gets a valid post's body and the tokens the checks read. */
export function validateOne(file: string, bytes: Uint8Array, onParsed?: ParsedBodyListener): FileOutcome {
  const problems: PostProblem[] = [];
  const add = (at: SourcePosition, field: string, message: string) => problems.push({ file, ...at, field, message });

  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    add(lineOfFirstInvalidByte(bytes), "file", "expected UTF-8 text, found bytes in another encoding (save the file as UTF-8)");
    return { problems };
  }
  const slug = path.posix.basename(file, ".md");
  if (!POST_SLUG.test(slug)) {
    add({ line: 1, column: 1 }, "slug", `expected a file name of lowercase letters, digits and single hyphens (it becomes the URL), found "${slug}"`);
  }
  const read = readPost(text);
  if (!read.ok) {
    read.problems.forEach((problem) => add(problem, problem.field, problem.message));
    return { problems };
  }
  const { data, body, bodyLine } = read.post;
  // read.post.fields parses the frontmatter a second time, for positions: asked only for a problem.
  const where = (field: string | undefined) => (field && read.post.fields.get(field)) || { line: 1, column: 1 };
  const result = frontmatterSchema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) {
          const hint = suggestField(key, frontmatterFields);
          add(where(key), key, `unknown field${hint ? `; did you mean "${hint}"?` : ""} (expected one of ${frontmatterFields.join(", ")})`);
        }
        continue;
      }
      const field = issue.path.map(String).join(".");
      const found = issue.path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key as string], data);
      add(where(String(issue.path[0] ?? "")), field || "frontmatter", `expected ${issue.message}, found ${describeNode(found)}`);
    }
  }
  for (const found of controlCharactersInData(data)) add(where(found.field.split(".")[0]), found.field, describeControlCharacter(found.codePoint));
  for (const found of findControlCharacters(body)) add({ line: bodyLine + found.line - 1, column: found.column }, "body", describeControlCharacter(found.codePoint));
  const inspected = inspectBody(body);
  for (const problem of inspected.problems) {
    add({ line: bodyLine + problem.line - 1, column: problem.column }, "body", problem.message);
  }
  const links = inspected.postLinks.map((link) => ({ ...link, file, line: bodyLine + link.line - 1 }));
  if (!result.success || problems.length > 0) return { problems, links };
  onParsed?.(body, inspected.tokens);
  return { post: { file, slug, data: result.data, words: inspected.words }, problems, links, yaml: { key: read.post.yamlKey, data } };
}

function lineOfFirstInvalidByte(bytes: Uint8Array): SourcePosition {
  // A lossy decode marks the first bad byte with U+FFFD; count the lines before it.
  const lossy = new TextDecoder("utf-8").decode(bytes);
  const before = lossy.slice(0, Math.max(0, lossy.indexOf("\uFFFD")));
  return { line: before.split("\n").length, column: before.length - before.lastIndexOf("\n") };
}
