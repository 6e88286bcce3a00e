/**
 * A post's `video` (YouTube or Vimeo address) becomes a facade: a plain link
 * to the video's own page, dressed as a poster drawn on our side (CSS and an
 * inline SVG badge). Nothing is fetched from the video host until the reader
 * clicks, and nothing needs JavaScript; the click simply opens the video.
 */
import type { EleventyConfig } from "../types/eleventy.ts";

export interface VideoLink {
  provider: "YouTube" | "Vimeo";
  id: string;
  /** The canonical watch page, rebuilt from the id so no tracking parameters ride along. */
  watchUrl: string;
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const VIMEO_ID = /^\d+$/;
const VIMEO_HASH = /^[0-9a-f]{6,}$/i;

const isHost = (hostname: string, domain: string) => hostname === domain || hostname.endsWith(`.${domain}`);

function youtube(url: URL): VideoLink | undefined {
  const parts = url.pathname.split("/").filter(Boolean);
  let id: string | undefined;
  if (isHost(url.hostname, "youtu.be")) id = parts[0];
  else if (parts[0] === "watch") id = url.searchParams.get("v") ?? undefined;
  else if (parts[0] === "embed" || parts[0] === "shorts" || parts[0] === "live" || parts[0] === "v") id = parts[1];
  if (!id || !YOUTUBE_ID.test(id)) return undefined;
  return { provider: "YouTube", id, watchUrl: `https://www.youtube.com/watch?v=${id}` };
}

function vimeo(url: URL): VideoLink | undefined {
  const parts = url.pathname.split("/").filter(Boolean);
  // vimeo.com/123, vimeo.com/123/abcdef (unlisted), vimeo.com/channels/x/123, player.vimeo.com/video/123?h=abcdef
  const index = parts.findIndex((part) => VIMEO_ID.test(part));
  const id = parts[index];
  if (id === undefined) return undefined;
  const hash = parts[index + 1] ?? url.searchParams.get("h") ?? undefined;
  const suffix = hash && VIMEO_HASH.test(hash) ? `/${hash}` : "";
  return { provider: "Vimeo", id, watchUrl: `https://vimeo.com/${id}${suffix}` };
}

/** Undefined for anything that is not a YouTube or Vimeo video address. */
export function parseVideo(address: string): VideoLink | undefined {
  if (!URL.canParse(address)) return undefined;
  const url = new URL(address);
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  if (isHost(url.hostname, "youtube.com") || isHost(url.hostname, "youtube-nocookie.com") || isHost(url.hostname, "youtu.be")) {
    return youtube(url);
  }
  if (isHost(url.hostname, "vimeo.com")) return vimeo(url);
  return undefined;
}

export default function videoPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addFilter("videoLink", (address: string) => {
    const video = parseVideo(address);
    // Validation refuses such addresses first; this guards templates used outside that path.
    if (!video) throw new Error(`Not a YouTube or Vimeo video address: ${address}`);
    return video;
  });
}
