/**
 * Social cards: the picture (og:image) a story without one of its own is
 * shared with, made at build time from its headline, the publication's name
 * and its date (issue 18). satori lays the card out (card-layout.ts) and
 * writes SVG; resvg turns that into a 1200×630 PNG.
 *
 * Nothing is fetched. The fonts are Source Serif 4's WOFF files from npm
 * (satori reads WOFF, not WOFF2); satori's layout engine is WebAssembly its
 * default build carries inside it; no emoji images, an additional-asset
 * loader that answers with nothing, no <img>, and resvg loads no system
 * fonts (the SVG holds glyph outlines, so the PNG does not depend on the
 * machine). A character the fonts lack (Chinese, an emoji, rarer Latin) does
 * not fail the build: it is drawn as the font's empty missing-glyph box, and
 * the rest of the card as usual.
 *
 * Cards are kept by content in <root>/.cache/images/ (Netlify keeps .cache/
 * between builds): the name is a hash of the text on the card and of
 * everything that draws it (these modules, satori, resvg, the fonts, the
 * lock file, Node's version), so a build with nothing changed renders nothing, and any change
 * to either gives a new name, never a stale picture under an old one.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { Font } from "satori";
import { codeVersion } from "../cache/code-version.ts";
import { addresses } from "../site/addresses.ts";
import { CARD_FONTS, CARD_HEIGHT, CARD_WIDTH, type CardText, cardLayout } from "./card-layout.ts";
import { readableDate } from "../render/dates.ts";
import { PICTURES_FOLDER } from "./pictures-folder.ts";
import { writeOnce } from "./cache-files.ts";

export interface SocialCard {
  /** The PNG's name in <root>/.cache/images/, e.g. "card-0123456789abcdef.png". */
  file: string;
  /** Where the site publishes it: addresses.images + file. */
  url: string;
  width: typeof CARD_WIDTH;
  height: typeof CARD_HEIGHT;
}

export interface SocialCardInput {
  headline: string;
  publication: string;
  date: Date;
  /** The publication's BCP 47 language (site.yaml's `language`): the card's `lang`, which satori breaks lines and picks glyphs by. */
  language: string;
}

/** Raised by hand when the card's look changes in a way the files' bytes would not show. */
const FORMAT = "social card 1";

const require = createRequire(import.meta.url);

/** Latin and Latin Extended (most European languages), regular for the date, bold for the rest. */
const FONT_FILES = (["latin", "latin-ext"] as const).flatMap((subset) =>
  ([400, 700] as const).map((weight) => ({ name: CARD_FONTS[subset], file: `source-serif-4-${subset}-${weight}-normal.woff`, weight })),
);

interface Drawing {
  fonts: Font[];
  /** Everything besides the text that decides what a card looks like. */
  version: string;
}

let drawing: Promise<Drawing> | undefined;

/** The fonts and the drawing code's fingerprint, read once per process and only when a card is asked for. */
function loadDrawing(): Promise<Drawing> {
  return (drawing ??= (async () => {
    const files = await Promise.all(
      FONT_FILES.map(async ({ name, file, weight }) => ({
        name,
        weight,
        data: await readFile(require.resolve(`@fontsource/source-serif-4/files/${file}`)),
      })),
    );
    const versions = ["satori", "@resvg/resvg-js", "@fontsource/source-serif-4"].map(
      (name) => `${name} ${(require(`${name}/package.json`) as { version: string }).version}`,
    );
    const version = createHash("sha256")
      .update(codeVersion(["images/card.ts", "images/card-layout.ts"], `${FORMAT}\0${versions.join("\0")}`))
      // The lock file is not committed here, so the fonts are fingerprinted by their bytes as well.
      .update(Buffer.concat(files.map(({ data }) => data)))
      .digest("hex");
    const fonts = files.map(({ name, weight, data }): Font => ({ name, weight, style: "normal", data }));
    return { fonts, version };
  })());
}

let renders = 0;

/**
 * How many cards this process has drawn, cached ones not counted: how a test tells a cache hit from a render.
 * @public (the test reaches it through a freshly imported module, which knip does not follow)
 */
export function cardsRendered(): number {
  return renders;
}

async function render(text: CardText, fonts: Font[]): Promise<Buffer> {
  renders++;
  // Loaded only to draw: a build whose cards are all kept never loads satori or resvg.
  const [{ default: satori }, { Resvg }] = await Promise.all([import("satori"), import("@resvg/resvg-js")]);
  const svg = await satori(cardLayout(text), {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts,
    // satori asks this for text no font has (Chinese, an emoji); answering with nothing, said here rather than left to a default,
    // keeps the build off the network and the glyph a missing-glyph box.
    loadAdditionalAsset: async () => [],
  });
  return new Resvg(svg, { fitTo: { mode: "original" }, font: { loadSystemFonts: false } }).render().asPng();
}

/** Cards being drawn now, by name: two pages sharing a card in one build draw it once. */
const pending = new Map<string, Promise<void>>();

/** The social card for a story, drawn unless a card with the same text and drawing code is already in <root>/.cache/images/. */
export async function socialCard(root: string, input: SocialCardInput): Promise<SocialCard> {
  const { fonts, version } = await loadDrawing();
  const text: CardText = {
    headline: input.headline,
    publication: input.publication,
    date: readableDate(input.date),
    language: input.language,
  };
  const hash = createHash("sha256")
    .update(JSON.stringify([version, text.headline, text.publication, text.date, text.language]))
    .digest("hex")
    .slice(0, 16);
  const file = `card-${hash}.png`;
  const target = path.join(root, PICTURES_FOLDER, file);
  if (!existsSync(target)) {
    let drawn = pending.get(file);
    if (!drawn) {
      drawn = writeOnce(root, file, () => render(text, fonts)).finally(() => pending.delete(file));
      pending.set(file, drawn);
    }
    await drawn;
  }
  return { file, url: `${addresses.images}${file}`, width: CARD_WIDTH, height: CARD_HEIGHT };
}
