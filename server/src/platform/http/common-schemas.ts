import { z } from 'zod';

export const uuidParam = z.object({ id: z.uuid() });
export const isoDateTime = z.iso.datetime({ offset: true });
export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
export const LANGUAGES = ['en', 'vi', 'bg', 'zh'] as const;
export const COLOR_SCHEMES = ['light', 'dark', 'system'] as const;

/** IANA time zone names only: what Intl understands is what the UI can show. */
export const timeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'Unknown time zone.' },
);
