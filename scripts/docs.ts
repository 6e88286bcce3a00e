/**
 * `npm run docs`: regenerates the frontmatter reference table in WRITING.md
 * from lib/content/schema.ts, so the guide and the validator cannot disagree.
 * `npm run docs -- --check` only reports whether the table is stale
 * (tests/unit/scripts/docs.test.ts runs the same comparison).
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isMain } from "./is-main.ts";
import { z } from "zod";
import { frontmatterSchema } from "../lib/content/schema.ts";

export const GUIDE = "WRITING.md";
const START = "<!-- frontmatter-table:start — generated from lib/content/schema.ts by `npm run docs`; edit the schema, not this table -->";
const END = "<!-- frontmatter-table:end -->";

interface JsonField {
  type?: string;
  description?: string;
  example?: string;
  default?: unknown;
  items?: JsonField;
  properties?: Record<string, JsonField>;
  required?: string[];
  /** A field that takes one of several shapes (a key, or a list of keys). */
  anyOf?: JsonField[];
}

/** Dates are text in YAML and Dates after validation: the schema says so with a transform. */
function isDate(schema: z.ZodType): boolean {
  let current = schema._zod.def as { type: string; innerType?: z.ZodType };
  while ((current.type === "optional" || current.type === "default") && current.innerType) {
    current = current.innerType._zod.def as typeof current;
  }
  return current.type === "pipe";
}

function describeType(field: JsonField, schema: z.ZodType): string {
  if (isDate(schema)) return "date";
  switch (field.type) {
    case "string":
      return "text";
    case "boolean":
      return "`true` or `false`";
    case "array":
      return `list of ${field.items ? describeType(field.items, z.unknown()) : "values"}`;
    case "object": {
      const keys = Object.keys(field.properties ?? {});
      return `mapping: ${keys.map((key) => (field.required?.includes(key) ? key : `${key} (optional)`)).join(", ")}`;
    }
    default:
      if (field.anyOf) return field.anyOf.map((option) => describeType(option, z.unknown())).join(", or ");
      return field.type ?? "any";
  }
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function renderFrontmatterTable(): string {
  const json = z.toJSONSchema(frontmatterSchema, { io: "input", unrepresentable: "any" }) as JsonField;
  const shape = frontmatterSchema.shape as Record<string, z.ZodType>;
  const rows = Object.entries(json.properties ?? {}).map(([name, field]) => {
    const required = json.required?.includes(name) ? "**required**" : "optional";
    const fallback = field.default === undefined ? "—" : `\`${JSON.stringify(field.default)}\``;
    const example = field.example === undefined ? "—" : `\`${name}: ${field.example}\``;
    return `| \`${name}\` | ${required} | ${describeType(field, shape[name] ?? z.unknown())} | ${fallback} | ${cell(field.description ?? "")} | ${cell(example)} |`;
  });
  return [
    "| Field | Required | Type | Default | What it is | Example |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
    "Any other field is an error (a typo such as `tittle` is caught, with a suggestion).",
  ].join("\n");
}

/** The guide with its generated table replaced; throws if the markers are missing. */
export function updateGuide(guide: string): string {
  const start = guide.indexOf(START);
  const end = guide.indexOf(END);
  if (start === -1 || end < start) throw new Error(`${GUIDE} must contain the lines\n${START}\n${END}`);
  return `${guide.slice(0, start + START.length)}\n${renderFrontmatterTable()}\n${guide.slice(end)}`;
}

if (isMain(import.meta.url)) {
  const file = path.resolve(GUIDE);
  const current = readFileSync(file, "utf8");
  const updated = updateGuide(current);
  if (process.argv.includes("--check")) {
    if (current !== updated) {
      console.error(`${GUIDE}: the frontmatter table differs from lib/content/schema.ts; run npm run docs`);
      process.exitCode = 1;
    } else console.log(`${GUIDE} is up to date with lib/content/schema.ts`);
  } else if (current === updated) console.log(`${GUIDE} was already up to date`);
  else {
    writeFileSync(file, updated);
    console.log(`Updated the frontmatter table in ${GUIDE}`);
  }
}
