// Every post's defaults live in lib/post-data.ts.
import { postDirectoryData } from "../lib/post-data.ts";

export default postDirectoryData;
