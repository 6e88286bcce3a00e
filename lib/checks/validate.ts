/**
 * Checks one post file, read once (lib/content/frontmatter.ts): its size, encoding
 * and name, the frontmatter against the schema, the Markdown, and the HTML it
 * renders to, which is exactly what the page and every feed publish.
 * Collects every problem instead of stopping at the first.
 */
import path from "node:path";
import { describeNode, readPost, type SourcePosition } from "../content/frontmatter.ts";
import type { PostProblem } from "./problems.ts";
import { LIMITS } from "../content/limits.ts";
import { createPostRenderer, type RenderedPost } from "../render/markdown.ts";
import { frontmatterSchema } from "../content/schema.ts";
import { POST_SLUG } from "../content/slug.ts";
import { suggestField } from "./suggest.ts";
import { inspectBody } from "./body-checks.ts";
import { inspectPublishedHtml } from "./published-html.ts";
import type { Byline, FileOutcome, PictureReference } from "./outcome.ts";
import { controlCharactersInData, describeControlCharacter, findControlCharacters } from "../content/control-characters.ts";
import { knownFields } from "./known-fields.ts";
import { correctionDates as correctionDatesIn } from "./correction-dates.ts";

const utf8 = new TextDecoder("utf-8", { fatal: true });

const renderers = new Map<string, (tokens: Parameters<ReturnType<typeof createPostRenderer>>[0]) => RenderedPost>();

/** Every problem in one post file; for a valid post, also its data and the HTML to publish. */
export function validateOne(file: string, bytes: Uint8Array, siteOrigin: string): FileOutcome {
  const problems: PostProblem[] = [];
  const add = (at: SourcePosition, field: string, message: string) => problems.push({ file, ...at, field, message });

  if (bytes.length > LIMITS.postBytes) {
    add(
      { line: 1, column: 1 },
      "file",
      `expected a post of at most ${LIMITS.postBytes / 1024} KB, found ${Math.ceil(bytes.length / 1024)} KB`,
    );
    return { problems };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    add(lineOfFirstInvalidByte(bytes), "file", "expected UTF-8 text, found bytes in another encoding (save the file as UTF-8)");
    return { problems };
  }
  const extension = path.posix.extname(file);
  const slug = path.posix.basename(file, extension);
  if (extension !== ".md") {
    add({ line: 1, column: 1 }, "slug", `expected a file name ending in .md, in lowercase, found "${extension}"`);
  } else if (!POST_SLUG.test(slug)) {
    add(
      { line: 1, column: 1 },
      "slug",
      `expected a file name of lowercase letters, digits and single hyphens (it becomes the URL), found "${slug}"`,
    );
  }
  const read = readPost(text);
  if (!read.ok) {
    for (const problem of read.problems) add(problem, problem.field, problem.message);
    return { problems };
  }
  const { data, body, bodyLine } = read.post;
  const where = (field: string) => placeField(read.post.fields, field);
  const result = frontmatterSchema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === "unrecognized_keys") {
        const known = knownFields(frontmatterSchema, issue.path);
        for (const key of issue.keys) {
          const field = [...issue.path, key].map(String).join(".");
          const hint = suggestField(key, known);
          add(where(field), field, `unknown field${hint ? `; did you mean "${hint}"?` : ""} (expected one of ${known.join(", ")})`);
        }
        continue;
      }
      const field = issue.path.map(String).join(".");
      const found = issue.path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key as string], data);
      add(where(field), field || "frontmatter", `expected ${issue.message}, found ${describeNode(found)}`);
    }
  }
  for (const found of controlCharactersInData(data)) add(where(found.field), found.field, describeControlCharacter(found.codePoint));
  for (const found of findControlCharacters(body))
    add({ line: bodyLine + found.line - 1, column: found.column }, "body", describeControlCharacter(found.codePoint));
  const inBody = (at: SourcePosition): SourcePosition => ({ line: bodyLine + at.line - 1, column: at.column });

  const inspected = inspectBody(body);
  let render = renderers.get(siteOrigin);
  if (!render) renderers.set(siteOrigin, (render = createPostRenderer(siteOrigin)));
  const rendered = render(inspected.tokens);
  const published = inspectPublishedHtml(rendered, body, inspected.tokens);
  const bodyProblems = [...inspected.problems, ...published.problems].sort((a, b) => a.line - b.line || a.column - b.column);
  for (const problem of bodyProblems) add(inBody(problem), "body", problem.message);
  const links = published.postLinks.map((link) => ({ ...link, ...inBody(link), file }));
  const pictures: PictureReference[] = published.images.map(({ src, alt, start, end, ...at }) => ({
    role: "body",
    field: "body",
    src,
    alt,
    start,
    end,
    ...inBody(at),
  }));
  // Bylines and the lead picture are looked for even when other fields are wrong: every problem in one run.
  const bylines = bylinesOf(result.success ? result.data.author : (data as { author?: unknown } | undefined)?.author, read.post.fields);
  const lead = result.success ? result.data.image : (data as { image?: { src?: unknown } } | undefined)?.image;
  const leadAt = read.post.fields.get("image.src") ?? { line: 1, column: 1 };
  if (typeof lead?.src === "string") pictures.unshift({ role: "lead", field: "image.src", src: lead.src, alt: "", ...leadAt });
  // Judged against the run's time across the set (lib/checks/correction-dates.ts); most posts have none to keep.
  const dates = correctionDatesIn(data, where);
  const outcome: FileOutcome = { problems, links, bylines, pictures, ...(dates.length > 0 && { correctionDates: dates }) };
  if (!result.success || problems.length > 0) return outcome;
  return { post: { file, slug, data: result.data, words: inspected.words, html: rendered.html }, ...outcome };
}

/** Each key `author:` names, placed at its list item, or at the field for a single key. */
function bylinesOf(author: unknown, fields: ReadonlyMap<string, SourcePosition>): Byline[] {
  const field = fields.get("author") ?? { line: 1, column: 1 };
  if (typeof author === "string") return [{ key: author.trim(), ...field }];
  if (!Array.isArray(author)) return [];
  return author.flatMap((key, index) =>
    typeof key === "string" ? [{ key: key.trim(), ...(fields.get(`author.${index}`) ?? field) }] : [],
  );
}

/**
 * Where a problem with `field` points. A field inside an item of a list
 * (`corrections.1.date`) points at its own line, else at the item's: the
 * items look alike. Any other field points at its top-level key, and one
 * that is not there at the top of the file.
 */
function placeField(fields: Map<string, SourcePosition>, field: string): SourcePosition {
  const [name = "", index, key] = field.split(".");
  const inItem = index !== undefined && /^\d+$/.test(index);
  // Only an item that is a mapping has its own place: a problem with a list of text quotes the item, at its field.
  const isMapping = inItem && [...fields.keys()].some((known) => known.startsWith(`${name}.${index}.`));
  const item = isMapping ? (key !== undefined && fields.get(`${name}.${index}.${key}`)) || fields.get(`${name}.${index}`) : undefined;
  return item ?? fields.get(name) ?? { line: 1, column: 1 };
}

function lineOfFirstInvalidByte(bytes: Uint8Array): SourcePosition {
  // A lossy decode marks the first bad byte with U+FFFD; count the lines before it.
  const lossy = new TextDecoder("utf-8").decode(bytes);
  const before = lossy.slice(0, Math.max(0, lossy.indexOf("\uFFFD")));
  return { line: before.split("\n").length, column: before.length - before.lastIndexOf("\n") };
}
