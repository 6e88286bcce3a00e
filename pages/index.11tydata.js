// Page 2 onwards gets its own title, so tabs and search results tell pages apart.
export default {
  // A function, not a "{{ listing.url }}" string: Eleventy 3.1 compiles a string
  // permalink afresh for every page of a pagination.
  permalink: ({ listing }) => listing?.url,
  eleventyComputed: {
    title: (data) => (data.listing?.pageNumber > 1 ? `Latest news, page ${data.listing.pageNumber}` : undefined),
  },
};
