// A person's pages: titles and descriptions computed here, so a name reaches
// the layout as plain text and is escaped there exactly once (as for topics).
export default {
  permalink: ({ listing }) => listing?.url,
  eleventyComputed: {
    title: ({ listing }) =>
      listing && (listing.pageNumber > 1 ? `${listing.person.name}, page ${listing.pageNumber}` : listing.person.name),
    description: ({ listing, site }) => listing && `Stories by ${listing.person.name} for ${site.title}, newest first.`,
  },
};
