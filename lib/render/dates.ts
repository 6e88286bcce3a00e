/**
 * Dates as pages write them, for readers (June 14, 2018) and for machines
 * (ISO 8601). A leaf: the template filters (lib/render/filters.ts) and the
 * social cards (lib/images/card.ts) write dates alike.
 */

const readable = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

/**
 * Every page shows the dates of the posts it lists, so one date is formatted
 * on every listing that shows it: remembered by its time value.
 */
function byTime(format: (date: Date) => string): (date: Date) => string {
  const known = new Map<number, string>();
  return (date) => {
    const time = date.getTime();
    let text = known.get(time);
    if (text === undefined) known.set(time, (text = format(date)));
    return text;
  };
}

export const readableDate = byTime((date) => readable.format(date));

export const isoDate = byTime((date) => date.toISOString());
