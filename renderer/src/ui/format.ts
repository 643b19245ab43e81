/** "2025-12-30T03:22" → "30 Dec 2025, 03:22"; dates are shown as precise as the source stated them. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?$/.exec(iso);
  if (!m) return iso;
  const month = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ][Number(m[2]) - 1];
  return `${Number(m[3])} ${month} ${m[1]}${m[4] ? `, ${m[4]}` : ''}`;
}

/** A time as the analyst's clock reads it, e.g. "22 Nov 2026, 23:04"; the ISO text goes on hover. */
export function localTime(iso: string, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}
