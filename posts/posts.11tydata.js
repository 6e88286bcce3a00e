// Every post's defaults live in lib/render/post-data.ts (loaded with import(): see .eleventy.js).
const { postDirectoryData } = await import("../lib/render/post-data.ts");

export default postDirectoryData;
