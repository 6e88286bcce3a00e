/**
 * The archive: posts grouped by month (one page each, /archive/2024/06/,
 * linked to the months either side) and months by year, in one pass over the
 * newest-first list.
 */
import { newestChange } from "./last-change.ts";
import type { StoredPost } from "../content/post-store.ts";
import { addresses } from "../site/addresses.ts";

export interface MonthGroup<T> {
  year: number;
  /** 1–12 */
  month: number;
  items: T[];
}

export interface YearGroup<T> {
  year: number;
  /** Newest month first. */
  months: MonthGroup<T>[];
}

/** Expects newest-first input and keeps it: months come out newest first. */
export function groupByMonth<T>(sorted: T[], date: (item: T) => Date): MonthGroup<T>[] {
  const groups: MonthGroup<T>[] = [];
  for (const item of sorted) {
    const when = date(item);
    const year = when.getUTCFullYear();
    const month = when.getUTCMonth() + 1;
    const last = groups[groups.length - 1];
    if (last && last.year === year && last.month === month) last.items.push(item);
    else groups.push({ year, month, items: [item] });
  }
  return groups;
}

/** Months (newest first) gathered under their years, for the archive. */
export function groupByYear<T>(months: MonthGroup<T>[]): YearGroup<T>[] {
  const years: YearGroup<T>[] = [];
  for (const month of months) {
    const last = years[years.length - 1];
    if (last && last.year === month.year) last.months.push(month);
    else years.push({ year: month.year, months: [month] });
  }
  return years;
}

/** A link to another month's page. */
export interface MonthLink {
  year: number;
  month: number;
  url: string;
}

/** A month of the archive as its own page: /archive/2024/06/, linked to the months either side. */
export interface MonthPage<T> extends MonthGroup<T>, MonthLink {
  lastModified: Date | undefined;
  newer: MonthLink | undefined;
  older: MonthLink | undefined;
}

const monthUrl = (month: MonthGroup<unknown>) => addresses.archiveMonth(month.year, month.month);

/**
 * The neighbour links are part of each page rather than read from Eleventy's
 * `pagination.page`, because a live preview paginates only the months that changed.
 */
export function monthPages<T extends { post: StoredPost }>(months: MonthGroup<T>[]): MonthPage<T>[] {
  const link = (month: MonthGroup<T> | undefined): MonthLink | undefined =>
    month && { year: month.year, month: month.month, url: monthUrl(month) };
  return months.map((month, index) => ({
    ...month,
    url: monthUrl(month),
    lastModified: newestChange(month.items),
    newer: link(months[index - 1]),
    older: link(months[index + 1]),
  }));
}
