// Source pictures for `npm run bench -- --pictures` (issue 18): which posts
// show which picture, and the picture files themselves, drawn with sharp from
// a seed (nothing is downloaded), so a seed always yields the same bytes.
//
// One post in five has a lead picture; one in ten, never the same posts, has
// two pictures in its body; the other seven in ten get a generated social
// card. Pictures are reused past `distinct` of a kind, as a newsroom reuses
// agency and file pictures, and because the first build's cost is per
// distinct picture, not per post: the cap is what makes a first build's
// encoding a choice of the benchmark, so the report states it.
import { copyFileSync, existsSync, lstatSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { photoLike, type Scene } from "../tests/support/test-images.ts";

const LEAD_EVERY = 5;
const BODY_EVERY = 10;
/** Body pictures go to posts 3, 13, 23 …: never a post with a lead picture. */
const BODY_AT = 3;
export const DEFAULT_DISTINCT = 200;

/** Leads are wide enough for every width the pipeline makes (up to 1600) and for social cards (1200); body pictures as a reporter's phone export. */
const SIZES = { lead: [1600, 1067], body: [1200, 800] } as const;
type Kind = keyof typeof SIZES;

const fileName = (kind: Kind, number: number): string => `${kind}-${String(number).padStart(4, "0")}.jpg`;

export interface PicturePlan {
  /** File names in media/. */
  lead?: string;
  body: string[];
}

/** Which pictures post `index` shows: a function of the index alone, so the first 200 posts of 1,000 are the 200-post set. */
export function picturePlan(index: number, distinct: number): PicturePlan {
  if (index % LEAD_EVERY === 0) return { lead: fileName("lead", Math.floor(index / LEAD_EVERY) % distinct), body: [] };
  if (index % BODY_EVERY === BODY_AT) {
    const k = Math.floor(index / BODY_EVERY) * 2;
    return { body: [fileName("body", k % distinct), fileName("body", (k + 1) % distinct)] };
  }
  return { body: [] };
}

/** A seed from a picture's name (FNV-1a), so each file is the same whatever else is made. */
function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}

const SKIES = [
  ["#3a6ea5", "#f2c48d", "#5b4636"],
  ["#1d3557", "#e07a5f", "#3d405b"],
  ["#8ecae6", "#d9ed92", "#606c38"],
  ["#6c757d", "#ced4da", "#495057"],
  ["#264653", "#e9c46a", "#2a9d8f"],
  ["#4a4e69", "#f4a261", "#22223b"],
] as const;

/** Sky, a sun, a ridge, a few buildings and a road, each placed by the seed. */
const town: Scene = (next) => {
  const [top, middle, bottom] = SKIES[Math.floor(next() * SKIES.length)] as readonly [string, string, string];
  const ridge = Array.from({ length: 7 }, (_, i) => `L${i * 300} ${Math.round(420 + next() * 380)}`).join(" ");
  const buildings = Array.from({ length: 3 + Math.floor(next() * 6) }, () => {
    const w = 60 + Math.round(next() * 160);
    const h = 120 + Math.round(next() * 360);
    const x = Math.round(next() * (1800 - w));
    const shade = Math.round(40 + next() * 80).toString(16);
    return `<rect x="${x}" y="${900 - h}" width="${w}" height="${h}" fill="#${shade}${shade}${shade}"/>`;
  }).join("");
  return `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${top}"/><stop offset="${(0.4 + next() * 0.3).toFixed(2)}" stop-color="${middle}"/><stop offset="1" stop-color="${bottom}"/>
    </linearGradient></defs>
    <rect width="1800" height="1200" fill="url(#sky)"/>
    <circle cx="${Math.round(next() * 1800)}" cy="${Math.round(150 + next() * 350)}" r="${Math.round(60 + next() * 120)}" fill="#fff1c1"/>
    <path d="M0 ${Math.round(500 + next() * 300)} ${ridge} L1800 ${Math.round(500 + next() * 300)} L1800 1200 L0 1200Z" fill="#2f4030"/>
    ${buildings}<rect x="0" y="${Math.round(900 + next() * 120)}" width="1800" height="46" fill="#777"/>`;
};

/** A photograph-like JPEG (tests/support/test-images.ts, on which the encoder settings were tuned) of a town, at its kind's size. */
export function makePicture(name: string, seed: number): Promise<Buffer> {
  const [width, height] = SIZES[name.startsWith("lead-") ? "lead" : "body"];
  return photoLike(width, height, { seed: seedOf(`${seed}:${name}`), scene: town });
}

/** Makes the named pictures that `pool` lacks (one pool per bench run, shared by every post count), and says what the set holds. */
export async function makePictures(pool: string, names: string[], seed: number): Promise<{ lead: number; body: number; mib: number }> {
  mkdirSync(pool, { recursive: true });
  let bytes = 0;
  for (const name of names) {
    const file = join(pool, name);
    if (!existsSync(file)) writeFileSync(file, await makePicture(name, seed));
    bytes += statSync(file).size;
  }
  const count = (kind: Kind): number => names.filter((name) => name.startsWith(`${kind}-`)).length;
  return { lead: count("lead"), body: count("body"), mib: bytes / 2 ** 20 };
}

/**
 * Copies the named pictures into a project's media folder. A symlink there
 * (ours links the checkout's folders) is replaced by a folder of its own.
 */
export function copyPictures(pool: string, names: Iterable<string>, media: string): void {
  if (existsSync(media) && lstatSync(media).isSymbolicLink()) rmSync(media);
  mkdirSync(media, { recursive: true });
  for (const name of names) copyFileSync(join(pool, name), join(media, name));
}
