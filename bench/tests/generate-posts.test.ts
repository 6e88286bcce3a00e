// The generated posts with --pictures: how many show pictures, which files,
// and that the same seed always gives the same posts.
import { describe, expect, it } from "vitest";
import { generatePost } from "../generate-posts.ts";

function posts(n: number, seed: number, distinct?: number) {
  const taken = new Set<string>();
  return Array.from({ length: n }, (_, i) => generatePost(i, seed, taken, distinct ? { pictures: { distinct } } : {}));
}

const lead = (markdown: string) => /\nimage:\n {2}src: \/media\/(lead-\d{4}\.jpg)\n {2}alt: "[^"]+"\n---\n/.exec(markdown)?.[1];
const body = (markdown: string) => [...markdown.matchAll(/\n\n!\[[^\]]+\]\(\/media\/(body-\d{4}\.jpg)\)\n\n/g)].map((m) => m[1]);

describe("generated posts with pictures", () => {
  const withPictures = posts(1000, 7, 200);

  it("gives one post in five a lead picture and one in ten, others, two body pictures", () => {
    const leads = withPictures.filter((p) => lead(p.markdown));
    const bodies = withPictures.filter((p) => body(p.markdown).length > 0);
    expect(leads).toHaveLength(200);
    expect(bodies).toHaveLength(100);
    expect(bodies.every((p) => body(p.markdown).length === 2 && !lead(p.markdown))).toBe(true);
    // Spread through the archive, not bunched at one end: every block of 50 posts has its share.
    for (let start = 0; start < 1000; start += 50) {
      const block = withPictures.slice(start, start + 50);
      expect(block.filter((p) => lead(p.markdown))).toHaveLength(10);
      expect(block.filter((p) => body(p.markdown).length)).toHaveLength(5);
    }
  });

  it("lists the files each post shows, distinct up to the cap and reused past it", () => {
    for (const p of withPictures) expect(p.pictures).toEqual([lead(p.markdown), ...body(p.markdown)].filter(Boolean));
    const files = new Set(withPictures.flatMap((p) => p.pictures));
    expect(files.size).toBe(400);
    const capped = new Set(posts(1000, 7, 12).flatMap((p) => p.pictures));
    expect([...capped].filter((f) => f.startsWith("lead-"))).toHaveLength(12);
    expect([...capped].filter((f) => f.startsWith("body-"))).toHaveLength(12);
  });

  it("is the same for the same seed, and the same posts as without pictures but for the pictures", () => {
    expect(posts(200, 7, 200)).toEqual(withPictures.slice(0, 200));
    const plain = posts(200, 7);
    for (const [i, p] of withPictures.slice(0, 200).entries()) {
      const stripped = p.markdown.replace(/\nimage:\n(?: {2}.*\n)+/, "\n").replace(/!\[[^\]]+\]\([^)]+\)\n\n/g, "");
      expect(stripped).toBe(plain[i]?.markdown);
      expect(plain[i]?.pictures).toEqual([]);
    }
    const other = posts(200, 8, 200);
    expect(other.map((p) => p.markdown)).not.toEqual(plain.map((p) => p.markdown));
    expect(other.filter((p) => p.pictures.length).map((p) => p.pictures)).toEqual(
      withPictures
        .slice(0, 200)
        .filter((p) => p.pictures.length)
        .map((p) => p.pictures),
    );
  });
});
