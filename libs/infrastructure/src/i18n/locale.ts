export const SUPPORTED_LOCALES = ['en', 'de'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/**
 * The best supported language for an Accept-Language header (RFC 9110: ranges with q-values, "de-AT"
 * matches "de", "*" takes the default). Anything unreadable falls back to English.
 */
export function negotiateLocale(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [tag, ...parameters] = part.trim().split(';');
      const weight = parameters.find((p) => /^\s*q=/i.test(p));
      // A weight that is not a number between 0 and 1 makes the range unreadable: it is skipped.
      const q =
        weight === undefined
          ? 1
          : /^\s*q=(0(\.\d{0,3})?|1(\.0{0,3})?)\s*$/i.test(weight)
            ? Number(weight.split('=')[1])
            : NaN;
      return { language: tag.trim().toLowerCase().split('-')[0], q, index };
    })
    .filter((range) => range.language && Number.isFinite(range.q) && range.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const range of ranges) {
    if (range.language === '*') return DEFAULT_LOCALE;
    if (isLocale(range.language)) return range.language;
  }
  return DEFAULT_LOCALE;
}
