/**
 * Where pictures come from: the folder at the project's root that posts name
 * them in (/media/bridge.jpg is media/bridge.jpg), which also holds the
 * documents posts link to (lib/publish/assets.ts).
 */
export const MEDIA_DIR = "media";

/**
 * Where the image pipeline keeps what it makes, below the project's root:
 * in .cache/, which git ignores and Netlify's build plugin restores, so a
 * picture is encoded once and not again on the next build. Each build
 * publishes the files its posts use under addresses.images
 * (lib/images/publish-pictures.ts). A leaf, for the cache and the pipeline alike.
 */
export const PICTURES_FOLDER = ".cache/images";
