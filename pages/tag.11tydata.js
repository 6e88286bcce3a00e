// Titles and descriptions per tag page, computed in JavaScript so a tag's
// spelling reaches the layout as plain text and is escaped there exactly once.
// (Eleventy may evaluate these before pagination assigns `listing`.)
export default {
  // A function, not a "{{ listing.url }}" string: Eleventy 3.1 compiles a string
  // permalink afresh for every page of a pagination.
  permalink: ({ listing }) => listing?.url,
  eleventyComputed: {
    title: ({ listing }) => listing && (listing.pageNumber > 1 ? `${listing.tag.name}, page ${listing.pageNumber}` : listing.tag.name),
    description: ({ listing, site }) => listing && `Stories about ${listing.tag.name} from ${site.title}, newest first.`,
  },
};
