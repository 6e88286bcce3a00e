// A month page's title and description, computed once pagination has set `month`.
// Month names come from lib/content/post-date.ts (loaded with import(): see .eleventy.js).
const { monthName } = await import("../lib/content/post-date.ts");
const monthTitle = ({ month, site }) => month && `${monthName(month.month, site.language)} ${month.year}`;

export default {
  // A function, not a "{{ month.url }}" string: Eleventy 3.1 compiles a string
  // permalink afresh for every page of a pagination.
  permalink: ({ month }) => month?.url,
  eleventyComputed: {
    title: (data) => monthTitle(data),
    description: (data) => data.month && `Every story ${data.site.title} published in ${monthTitle(data)}.`,
  },
};
