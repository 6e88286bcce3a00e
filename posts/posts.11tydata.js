// Every post's defaults live in lib/post-data.ts (loaded with import(): see .eleventy.js).
const { postDirectoryData } = await import("../lib/post-data.ts");

export default postDirectoryData;
