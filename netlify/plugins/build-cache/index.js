// Keeps .cache/ between Netlify builds: each post's validation outcome
// (lib/cache/validation-cache.ts) and rendered body (lib/render-cache.ts), so the
// next build checks and renders only the posts that changed.
// A local build plugin, declared in netlify.toml.
// https://docs.netlify.com/extend/install-and-use/build-plugins/
// https://github.com/netlify/build/tree/main/packages/cache-utils
const CACHE_DIR = ".cache";

export const onPreBuild = async ({ utils }) => {
  const restored = await utils.cache.restore(CACHE_DIR);
  console.log(restored ? "Restored .cache/ from the previous build." : "No .cache/ from a previous build: rendering every post.");
};

// After a successful build only: a failed build keeps the last good cache.
export const onPostBuild = async ({ utils }) => {
  await utils.cache.save(CACHE_DIR);
};
