/**
 * The fields the frontmatter schema accepts inside a mapping it nests (`image`,
 * each item of `corrections`), read from the schema itself: an unknown field
 * there is named with its full path, and a "did you mean" from its siblings,
 * as a top-level one is.
 */
import type { z } from "zod";

interface Def {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  in?: z.ZodType;
}

const defOf = (schema: z.ZodType | undefined) => schema?._zod.def as Def | undefined;

/** The schema under an optional, a default or a transform: what the value is checked as. */
function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  for (let def = defOf(current); def; def = defOf(current)) {
    const inner = def.type === "pipe" ? def.in : def.type === "optional" || def.type === "default" ? def.innerType : undefined;
    if (!inner) break;
    current = inner;
  }
  return current;
}

/** The keys of the mapping at `path` (`[]`, `["image"]`, `["corrections", 0]`), or none where the schema has no mapping. */
export function knownFields(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node = unwrap(schema);
  for (const key of path) {
    const def = defOf(node);
    if (def?.type === "object") node = unwrap(def.shape?.[String(key)]);
    else if (def?.type === "array" && typeof key === "number") node = unwrap(def.element);
    else return [];
  }
  const def = defOf(node);
  return def?.type === "object" ? Object.keys(def.shape ?? {}) : [];
}
