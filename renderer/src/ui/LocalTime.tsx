import { localTime } from './format.ts';

/** A moment the desk recorded: local time on the page, the exact ISO text on hover. */
export function LocalTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={iso}>
      {localTime(iso)}
    </time>
  );
}
