// A month page's title and description, computed once pagination has set `month`.
const monthName = new Intl.DateTimeFormat("en-US", { month: "long", timeZone: "UTC" });

export default {
  // A function, not a "{{ month.url }}" string: Eleventy 3.1 compiles a string
  // permalink afresh for every page of a pagination.
  permalink: ({ month }) => month?.url,
  eleventyComputed: {
    title: ({ month }) => month && `${monthName.format(Date.UTC(month.year, month.month - 1, 1))} ${month.year}`,
    description: ({ month, site }) =>
      month && `Every story ${site.title} published in ${monthName.format(Date.UTC(month.year, month.month - 1, 1))} ${month.year}.`,
  },
};
