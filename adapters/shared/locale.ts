/**
 * The reader's locale as a platform reports it ("en-GB" on a Teams activity, "en-US" from
 * Slack's users.info), checked against what this runtime can format: a tag Intl does not
 * know, or none at all, leaves the message without a locale and the core uses its default.
 */
export function supportedLocale(tag: unknown): string | undefined {
  if (typeof tag !== 'string' || tag.length === 0 || tag.length > 35) return undefined;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag])[0];
  } catch {
    // Not a well-formed language tag.
    return undefined;
  }
}
