// Which video addresses become a facade, and that validation refuses the rest
// with a located message before anything renders.
import { describe, expect, it } from "vitest";
import { parseVideo } from "../../../lib/render/video.ts";
import { validateOne } from "../../../lib/checks/validate.ts";

const post = (video: string) =>
  new TextEncoder().encode(`---\ntitle: A story\ndate: 2024-01-01\ndescription: A summary.\nvideo: ${video}\n---\n\nText.\n`);

describe("parseVideo", () => {
  it.each([
    ["https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42&utm_source=x", "YouTube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"],
    ["https://youtu.be/dQw4w9WgXcQ?si=tracking", "YouTube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"],
    ["https://m.youtube.com/watch?v=dQw4w9WgXcQ", "YouTube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"],
    ["https://www.youtube.com/shorts/dQw4w9WgXcQ", "YouTube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"],
    ["https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "YouTube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"],
    ["https://vimeo.com/76979871", "Vimeo", "https://vimeo.com/76979871"],
    ["https://vimeo.com/channels/staffpicks/76979871", "Vimeo", "https://vimeo.com/76979871"],
    ["https://player.vimeo.com/video/76979871?h=8272103f6e", "Vimeo", "https://vimeo.com/76979871/8272103f6e"],
  ])("turns %s into a %s watch link", (address, provider, watchUrl) => {
    expect(parseVideo(address)).toMatchObject({ provider, watchUrl });
  });

  it.each([
    "https://notyoutube.com/watch?v=dQw4w9WgXcQ",
    "https://www.youtube.com/",
    "https://www.youtube.com/watch?v=short",
    "https://vimeo.com/about",
    "javascript:alert(1)//youtube.com",
    "https://example.com/youtu.be/dQw4w9WgXcQ",
  ])("refuses %s", (address) => {
    expect(parseVideo(address)).toBeUndefined();
  });
});

describe("validation", () => {
  it("accepts a video address the facade can show", () => {
    expect(validateOne("posts/a-story.md", post("https://youtu.be/dQw4w9WgXcQ"), "https://news.example.org").problems).toEqual([]);
  });

  it("refuses a look-alike host, pointing at the line", () => {
    const { problems } = validateOne("posts/a-story.md", post("https://notyoutube.com/watch?v=dQw4w9WgXcQ"), "https://news.example.org");
    expect(problems).toEqual([
      expect.objectContaining({
        file: "posts/a-story.md",
        line: 5,
        field: "video",
        message: expect.stringContaining("YouTube or Vimeo video address"),
      }),
    ]);
  });
});
