/**
 * Sends a checked post's pictures through the image pipeline: the lead
 * picture (frontmatter `image`) and every picture from this site in the body,
 * Markdown or raw <img>. Each source is read and checked (lib/images/media-image.ts);
 * a picture that cannot be published is a problem at the line that names it.
 * Then each is encoded at several widths and formats (lib/images/responsive.ts),
 * a body picture's <img> is replaced, where it stands, by its <picture>, and
 * the lead picture gets the crops social cards and search engines take.
 *
 * The HTML that comes out is what the page and the feeds publish, so it is
 * judged again, whole, against the allow-list before it is kept.
 */
import { isPublishable } from "../checks/html-allow-list.ts";
import type { FileOutcome, PictureReference, ValidPost } from "../checks/outcome.ts";
import { type MediaImage, readMediaImage } from "./media-image.ts";
import { BODY_SIZES, pictureHtml } from "./picture.ts";
import { responsiveImage } from "./responsive.ts";
import { socialCrops } from "./social-crops.ts";

/** The outcome with its pictures made, or with a problem for each picture that cannot be. */
export async function withPictures(root: string, file: string, outcome: FileOutcome): Promise<FileOutcome> {
  const { pictures = [], ...rest } = outcome;
  if (pictures.length === 0) return rest;
  const problems = [...outcome.problems];
  const read: Array<{ reference: PictureReference; image: MediaImage }> = [];
  for (const reference of pictures) {
    const image = await readMediaImage(root, reference.src, reference.role);
    if ("problem" in image)
      problems.push({ file, line: reference.line, column: reference.column, field: reference.field, message: image.problem });
    else read.push({ reference, image });
  }
  const pictureSources = unique(read.map(({ image }) => `${image.file}\0${image.digest}`)).map((key) => {
    const [source = "", digest = ""] = key.split("\0");
    return { file: source, digest };
  });
  if (problems.length > 0 || !rest.post) return { ...rest, problems, pictureSources };
  return { ...rest, post: await publishPictures(root, rest.post, read), pictureSources };
}

async function publishPictures(
  root: string,
  post: ValidPost,
  read: Array<{ reference: PictureReference; image: MediaImage }>,
): Promise<ValidPost> {
  const files: string[] = [];
  let html = post.html;
  let lead: ValidPost["lead"];
  // From the last picture back, so the offsets of those before it still hold.
  const body = read
    .filter(({ reference }) => reference.role === "body")
    .sort((a, b) => (b.reference.start ?? 0) - (a.reference.start ?? 0));
  for (const { reference, image } of body) {
    const picture = await responsiveImage(root, image);
    files.push(...picture.files);
    const markup = pictureHtml(picture, { alt: reference.alt, sizes: BODY_SIZES, loading: "lazy" });
    html = html.slice(0, reference.start) + markup + html.slice(reference.end);
  }
  const leadRead = read.find(({ reference }) => reference.role === "lead");
  const given = post.data.image;
  if (leadRead && given) {
    const picture = await responsiveImage(root, leadRead.image);
    const social = await socialCrops(root, leadRead.image);
    files.push(...picture.files, ...social.files);
    lead = { alt: given.alt, caption: given.caption, credit: given.credit, picture, crops: social.crops };
  }
  if (!isPublishable(html)) throw new Error(`${post.file}: the image pipeline wrote HTML the allow-list refuses`);
  return { ...post, html, ...(lead ? { lead } : {}), pictureFiles: unique(files) };
}

const unique = (values: string[]) => [...new Set(values)];
