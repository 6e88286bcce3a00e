// lib/listings/related.ts: which stories are related and in what order, on
// small hand-made lists, and the same answers as reading every story on a
// generated site with a tag on every story, where the walk reads only a few.
import { describe, expect, it } from "vitest";
import { RELATED_LIMIT, relatedStories } from "../../../lib/listings/related.ts";
import { slugifyTag } from "../../../lib/content/slug.ts";

interface Story {
  slug: string;
  tags: string[];
}

/** Stories newest first: the first is the newest, as the listings sort them. */
const stories = (...entries: [string, string[]][]): Story[] => entries.map(([slug, tags]) => ({ slug, tags }));
const tagsOf = (story: Story) => story.tags;

function relatedSlugs(list: Story[], slug: string): string[] | undefined {
  const story = list.find((each) => each.slug === slug);
  if (!story) throw new Error(`no story ${slug}`);
  return relatedStories(list, tagsOf)
    .get(story)
    ?.map((each) => each.slug);
}

describe("relatedStories", () => {
  it("puts the story sharing the rarest tag first, ahead of newer stories sharing a common one", () => {
    const list = stories(
      ["newest", ["Politics"]],
      ["newer", ["Politics"]],
      ["bridge-1", ["Politics", "Harbour Bridge"]],
      ["story", ["Politics", "Harbour Bridge"]],
      ["bridge-2", ["Harbour Bridge"]],
      ["old", ["Politics"]],
    );
    // Harbour Bridge: 3 stories; Politics: 5.
    expect(relatedSlugs(list, "story")).toEqual(["bridge-1", "bridge-2", "newest"]);
  });

  it("orders stories whose rarest shared tag is as rare newest first, across tags of the same rarity", () => {
    const list = stories(["a", ["Courts"]], ["b", ["Science"]], ["story", ["Courts", "Science"]], ["c", ["Science"]], ["d", ["Courts"]]);
    expect(relatedSlugs(list, "story")).toEqual(["a", "b", "c"]);
  });

  it("does not lift a story for sharing more tags: the rarest shared tag decides, then the date", () => {
    const list = stories(
      ["one-tag", ["Harbour"]],
      ["story", ["Harbour", "Politics"]],
      ["two-tags", ["Harbour", "Politics"]],
      ["x", ["Politics"]],
    );
    expect(relatedSlugs(list, "story")).toEqual(["one-tag", "two-tags", "x"]);
  });

  it(`shows at most ${RELATED_LIMIT}, never the story itself`, () => {
    const list = stories(...Array.from({ length: 8 }, (_, index): [string, string[]] => [`s${index}`, ["Weather"]]));
    const related = relatedStories(list, tagsOf);
    for (const story of list) {
      const shown = related.get(story) ?? [];
      expect(shown).toHaveLength(RELATED_LIMIT);
      expect(shown).not.toContain(story);
    }
    expect(related.get(list[0]!)?.map((each) => each.slug)).toEqual(["s1", "s2", "s3"]);
    expect(related.get(list[7]!)?.map((each) => each.slug)).toEqual(["s0", "s1", "s2"]);
  });

  it("gives none to a story without tags, or whose tags no other story carries", () => {
    const list = stories(["untagged", []], ["alone", ["Lighthouses"]], ["a", ["Courts"]], ["b", ["Courts"]]);
    const related = relatedStories(list, tagsOf);
    expect(related.has(list[0]!)).toBe(false);
    expect(related.has(list[1]!)).toBe(false);
    expect([...related.keys()].map((each) => each.slug)).toEqual(["a", "b"]);
  });

  it("takes tags spelt differently but with one slug for one tag, and a tag twice on a story for once", () => {
    const list = stories(
      ["a", ["local news"]],
      ["story", ["Local News", "LOCAL NEWS", "Politics"]],
      ["b", ["Politics"]],
      ["c", ["Politics"]],
      ["d", ["Local-News"]],
    );
    // Local News (a, story, d) and Politics (story, b, c) are as rare: newest first across both.
    expect(relatedSlugs(list, "story")).toEqual(["a", "b", "c"]);
    // One more Politics story makes Local News the rarer: d, the oldest, moves up.
    const rarer = [...list, { slug: "e", tags: ["politics"] }];
    expect(relatedSlugs(rarer, "story")).toEqual(["a", "d", "b"]);
  });

  it("is not swamped by a tag on every story: the rarer shared tags still come first", () => {
    const list = stories(
      ...Array.from({ length: 50 }, (_, index): [string, string[]] => [`s${index}`, index % 10 === 7 ? ["News", "Tides"] : ["News"]]),
    );
    // Tides: s7, s17, s27, s37, s47.
    expect(relatedSlugs(list, "s27")).toEqual(["s7", "s17", "s37"]);
    expect(relatedSlugs(list, "s0")).toEqual(["s1", "s2", "s3"]);
    expect(relatedSlugs(list, "s49")).toEqual(["s0", "s1", "s2"]);
  });

  it("chooses exactly what reading every other story would choose, on a generated site", () => {
    const list = generated(600);
    const related = relatedStories(list, tagsOf);
    for (const story of list) {
      expect(related.get(story)?.map((each) => each.slug) ?? [], story.slug).toEqual(everyOtherStory(list, story));
    }
  });
});

/** The rule read straight: every other story, by the carriers of its rarest shared tag, then newest first. */
function everyOtherStory(list: Story[], story: Story): string[] {
  const carriers = new Map<string, number>();
  for (const each of list) for (const slug of new Set(each.tags.map(slugifyTag))) carriers.set(slug, (carriers.get(slug) ?? 0) + 1);
  const own = new Set(story.tags.map(slugifyTag));
  return list
    .map((other, position) => {
      const shared = other.tags.map(slugifyTag).filter((slug) => own.has(slug));
      return { other, position, rarity: Math.min(...shared.map((slug) => carriers.get(slug) ?? 0)) };
    })
    .filter(({ other, rarity }) => other !== story && Number.isFinite(rarity))
    .sort((a, b) => a.rarity - b.rarity || a.position - b.position)
    .slice(0, RELATED_LIMIT)
    .map(({ other }) => other.slug);
}

/** `count` stories, every one tagged News, with one to three more tags drawn from a list where few tags are common and most rare. */
function generated(count: number): Story[] {
  let seed = 19;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const tags = Array.from({ length: 120 }, (_, index) => `Topic ${index}`);
  return Array.from({ length: count }, (_, index) => {
    const own = ["News"];
    const extra = 1 + Math.floor(next() * 3);
    // The square skews draws towards the first tags: a few common topics, a long tail of rare ones.
    for (let drawn = 0; drawn < extra; drawn++) own.push(tags[Math.floor(next() ** 2 * tags.length)]!);
    return { slug: `story-${index}`, tags: own };
  });
}
