import { DEFAULT_LOCALE, isLocale, type Locale } from '@gatehouse/infrastructure/i18n/locale';
import { Translator, type Params } from '@gatehouse/infrastructure/i18n/translator';
import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { durationParts } from '../config/durations';
import { PAGE_MESSAGES, type PageMessageKey } from './page-messages';

export type PageContext = Record<string, unknown>;

/**
 * The server-rendered pages: Handlebars templates compiled once at start, each wrapped in layout.hbs, in the
 * visitor's language. Handlebars escapes every {{value}}, so whatever a person typed is shown, never executed.
 */
export class ViewRenderer {
  private readonly pages = new Map<string, HandlebarsTemplateDelegate>();
  private readonly layout: HandlebarsTemplateDelegate;
  private readonly translator = new Translator(PAGE_MESSAGES);

  constructor(
    private readonly productName: string,
    directory = path.join(__dirname, 'pages'),
  ) {
    const handlebars = Handlebars.create();
    handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    this.translator.registerHelper(handlebars, 'html');
    for (const file of readdirSync(directory).filter((name) => name.endsWith('.hbs'))) {
      const template = handlebars.compile(readFileSync(path.join(directory, file), 'utf8'));
      if (file.startsWith('_')) handlebars.registerPartial(file.slice(1, -4), template);
      else this.pages.set(file.slice(0, -4), template);
    }
    const layout = this.pages.get('layout');
    if (!layout) throw new Error(`No layout.hbs in ${directory}.`);
    this.layout = layout;
  }

  /** Renders a page; `title` is a message key or, for pages that are not translated, the title itself. */
  render(page: string, locale: Locale, context: PageContext & { title: string }): string {
    const template = this.pages.get(page);
    if (!template) throw new Error(`No page template named ${page}.`);
    const language = isLocale(locale) ? locale : DEFAULT_LOCALE;
    const title = this.translator.has(context.title) ? this.text(language, context.title) : context.title;
    const full = { productName: this.productName, ...context, locale: language, title };
    return this.layout({ ...full, body: template(full) });
  }

  /** Whether the pages have a message under this key (an error code's, say). */
  knows(key: string): key is PageMessageKey {
    return this.translator.has(key);
  }

  text(locale: Locale, key: PageMessageKey, params: Params = {}): string {
    return this.translator.text(locale, key, params);
  }

  /** "24 hours", "1 Tag": how long something lasts, in the visitor's language. */
  duration(locale: Locale, ms: number): string {
    const { count, unit } = durationParts(ms);
    return this.text(locale, `duration.${unit}${count === 1 ? '' : 's'}` as PageMessageKey, { count });
  }
}
