import Handlebars from 'handlebars';
import { DEFAULT_LOCALE, isLocale, type Locale } from './locale';

const BOLD = /\*\*(.+?)\*\*/g;

export type Catalog<Key extends string> = Record<Key, string>;
export type Params = Record<string, string | number | undefined>;

/**
 * Messages per language. A message may name parameters as {name} and mark words as **bold**; in HTML the
 * message and every parameter are escaped first, so what a person typed never becomes markup.
 */
export class Translator<Key extends string> {
  constructor(private readonly catalogs: Record<Locale, Catalog<Key>>) {}

  // Bold marks are resolved before parameters go in, so a value with asterisks (al***@example.com) stays as it is.
  text(locale: string, key: Key, params: Params = {}): string {
    return this.fill(this.message(locale, key).replace(BOLD, '$1'), params, (value) => value);
  }

  html(locale: string, key: Key, params: Params = {}): string {
    const escape = Handlebars.escapeExpression;
    return this.fill(escape(this.message(locale, key)).replace(BOLD, '<strong>$1</strong>'), params, escape);
  }

  has(key: string): key is Key {
    return key in this.catalogs[DEFAULT_LOCALE];
  }

  /** Registers {{t "key" name=value}} on a Handlebars instance, reading the language from the root context. */
  registerHelper(handlebars: typeof Handlebars, mode: 'html' | 'text'): void {
    handlebars.registerHelper('t', (key: Key, options: Handlebars.HelperOptions) => {
      const locale = (options.data?.root as { locale?: string } | undefined)?.locale ?? DEFAULT_LOCALE;
      return mode === 'html'
        ? new Handlebars.SafeString(this.html(locale, key, options.hash))
        : this.text(locale, key, options.hash);
    });
  }

  private message(locale: string, key: Key): string {
    const catalog = this.catalogs[isLocale(locale) ? locale : DEFAULT_LOCALE];
    const message = catalog[key] ?? this.catalogs[DEFAULT_LOCALE][key];
    if (message === undefined) throw new Error(`No message "${key}".`);
    return message;
  }

  private fill(message: string, params: Params, escape: (value: string) => string): string {
    return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
      params[name] === undefined ? whole : escape(String(params[name])),
    );
  }
}
