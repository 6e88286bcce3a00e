// Titles and descriptions per tag page, computed in JavaScript so a tag's
// spelling reaches the layout as plain text and is escaped there exactly once.
// (Eleventy may evaluate these before pagination assigns `listing`.)
export default {
  eleventyComputed: {
    title: ({ listing }) =>
      listing && (listing.pageNumber > 1 ? `${listing.tag.name}, page ${listing.pageNumber}` : listing.tag.name),
    description: ({ listing, site }) => listing && `Stories about ${listing.tag.name} from ${site.title}, newest first.`,
  },
};
