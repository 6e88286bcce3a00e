/**
 * What a social card looks like: the element tree satori lays out, as plain
 * `{ type, props }` objects (no JSX, so no React and no build step). Kept apart
 * from the rendering and caching in card.ts so the design can be read, and
 * changed, in one place; both files' bytes are in the cache key, so a change
 * here renders every card again.
 *
 * Text goes in as strings, children of an element: satori lays strings out as
 * text and draws them as glyph outlines, never as markup, so a headline such as
 * `<script>` or `Q&A` is only ever the characters it is.
 */

/** The size social networks and chat apps crop least: Open Graph's 1.91:1, 1200 wide. */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/**
 * The families the font files are registered under (card.ts): one name per subset, because satori keeps one
 * file per name and weight, and falls back from family to family, glyph by glyph, in this order.
 */
export const CARD_FONTS = Object.freeze({ latin: "Source Serif 4", "latin-ext": "Source Serif 4 Latin Ext" });

/** assets/site.css's light palette: the card looks like the page it stands for. Foreground and muted both pass WCAG AA on the background. */
const COLOURS = Object.freeze({ bg: "#fdfdfb", fg: "#1b1b1b", accent: "#0b57a4", muted: "#595959" });

/** The most lines a headline takes; longer ones end in an ellipsis rather than push the date off the card. */
const HEADLINE_LINES = 4;

export interface CardElement {
  type: string;
  props: { style?: Record<string, string | number>; lang?: string; children?: string | CardElement | CardElement[] };
}

export interface CardText {
  headline: string;
  publication: string;
  /** Already written out the way the site writes dates. */
  date: string;
  /** BCP 47: satori reads it to break lines and pick glyphs the way the language expects. */
  language: string;
}

/**
 * Short headlines are set large so the card reads at a thumbnail's size; long ones smaller so
 * more of them fits in the lines there are. Counted in code points, so an emoji counts once.
 */
function headlineSize(headline: string): number {
  const length = [...headline].length;
  if (length <= 50) return 76;
  if (length <= 90) return 64;
  return 56;
}

const element = (type: string, style: Record<string, string | number>, children: CardElement["props"]["children"]): CardElement => ({
  type,
  props: { style, children },
});

/** The card: publication over a rule, the headline, the date at the foot. */
export function cardLayout(text: CardText): CardElement {
  const size = headlineSize(text.headline);
  return {
    type: "div",
    props: {
      lang: text.language,
      style: {
        width: CARD_WIDTH,
        height: CARD_HEIGHT,
        // Padding and the top rule inside the card's size, not added to it (satori's default, like CSS's, is content-box).
        boxSizing: "border-box",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: "64px 80px",
        backgroundColor: COLOURS.bg,
        color: COLOURS.fg,
        fontFamily: Object.values(CARD_FONTS)
          .map((name) => `"${name}"`)
          .join(", "),
        borderTop: `16px solid ${COLOURS.accent}`,
      },
      children: [
        element(
          "div",
          {
            display: "flex",
            paddingBottom: 16,
            borderBottom: `2px solid ${COLOURS.fg}`,
            color: COLOURS.accent,
            fontSize: 30,
            fontWeight: 700,
            letterSpacing: 3,
            textTransform: "uppercase",
          },
          text.publication,
        ),
        element(
          "div",
          {
            // satori applies lineClamp to display: block only.
            display: "block",
            lineClamp: HEADLINE_LINES,
            fontSize: size,
            fontWeight: 700,
            lineHeight: 1.15,
            letterSpacing: -0.5,
          },
          text.headline,
        ),
        element("div", { display: "flex", color: COLOURS.muted, fontSize: 30, fontWeight: 400 }, text.date),
      ],
    },
  };
}
