/**
 * What site.yaml may say: the schema every field of the publication's
 * settings is checked against (lib/site/settings-file.ts), in the style of the
 * post schema (lib/content/schema.ts): each message says what was expected.
 */
import { z } from "zod";
import { LIMITS } from "../content/limits.ts";
import { isPageAddress, ORIGIN_HINT, PAGE_HINT, siteOrigin } from "./origin.ts";
import { AUTHOR_KEY, AUTHOR_KEY_HINT } from "../content/slug.ts";

/** Far above any front page or feed; far below a page or a feed too large to fetch. */
const MOST_PER_PAGE = 1000;

const text = (what: string, most: number) =>
  z
    .string({ error: `the ${what} as text` })
    .trim()
    .min(1, { error: `a non-empty ${what}` })
    .max(most, { error: `a ${what} of at most ${most} characters` });

const count = (what: string) => {
  const range = `a whole number of ${what} from 1 to ${MOST_PER_PAGE}`;
  return z
    .number({ error: `${range} (not in quotes)` })
    .int({ error: range })
    .min(1, { error: range })
    .max(MOST_PER_PAGE, { error: range });
};

/** A language tag browsers and feed readers understand; Intl refuses what is not one. */
function isLanguageTag(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

/** One person who writes for the publication: a post names them by their key (`author: jane-doe`). */
const person = z.strictObject(
  {
    name: text("person's name", LIMITS.authorLength),
    bio: text("short bio", LIMITS.bioLength),
    link: z.string({ error: PAGE_HINT }).refine(isPageAddress, { error: PAGE_HINT }).optional(),
  },
  { error: "a person as `name:`, `bio:` and an optional `link:`, indented under their key" },
);

export const settingsSchema = z.strictObject({
  title: text("publication name", 200),
  description: text("description", 400),
  language: z
    .string({ error: "a language tag like en, en-GB or pt-BR" })
    .refine(isLanguageTag, { error: "a language tag like en, en-GB or pt-BR" }),
  author: z.strictObject(
    {
      name: text("newsroom name", LIMITS.authorLength),
      url: z.string({ error: PAGE_HINT }).refine(isPageAddress, { error: PAGE_HINT }),
    },
    { error: "the publisher as `name:` and `url:` lines, indented under `author:`" },
  ),
  url: z
    .string({ error: ORIGIN_HINT })
    .refine((value) => siteOrigin(value) !== undefined, { error: ORIGIN_HINT })
    .transform((value) => siteOrigin(value) ?? value),
  pageSize: count("stories a page"),
  feedLimit: count("stories a feed"),
  // The key is the person's address (/authors/<key>/) and what posts write, so it is held to a slug's shape.
  authors: z
    .record(z.string().regex(AUTHOR_KEY, { error: AUTHOR_KEY_HINT }), person, {
      error: "the people who write, each under their key (like `jane-doe:`), indented under `authors:`",
    })
    .default({}),
});

export type Person = z.output<typeof person>;

/** The settings after checking: the address without a trailing slash. */
export type SiteSettings = z.output<typeof settingsSchema>;

export const settingsFields = Object.keys(settingsSchema.shape) as (keyof SiteSettings)[];
