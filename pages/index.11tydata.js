// Page 2 onwards gets its own title, so tabs and search results tell pages apart.
export default {
  eleventyComputed: {
    title: (data) => (data.listing?.pageNumber > 1 ? `Latest news, page ${data.listing.pageNumber}` : undefined),
  },
};
