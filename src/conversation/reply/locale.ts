/**
 * The reader's locale for dates and numbers: the one the platform reported on the message
 * (Teams' activity locale, Slack's user locale, the browser's language), when Intl knows it;
 * otherwise British English, the organisation's default.
 */
export const DEFAULT_LOCALE = 'en-GB';

export function readerLocale(reported: string | undefined): string {
  const wanted = reported?.trim().replace(/_/g, '-');
  if (!wanted || wanted.length > 35) return DEFAULT_LOCALE;
  try {
    const [supported] = Intl.DateTimeFormat.supportedLocalesOf([wanted]);
    // "en" alone would pick American order; keep the default's order for a bare language.
    if (!supported) return DEFAULT_LOCALE;
    return supported === 'en' ? DEFAULT_LOCALE : supported;
  } catch {
    // A malformed tag (RangeError) is a platform quirk, not the reader's fault.
    return DEFAULT_LOCALE;
  }
}
