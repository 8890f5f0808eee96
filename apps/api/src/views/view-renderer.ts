import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type PageContext = Record<string, unknown>;

/**
 * The server-rendered pages: Handlebars templates compiled once at start, each wrapped in layout.hbs.
 * Handlebars escapes every {{value}}, so whatever a person typed is shown, never executed.
 */
export class ViewRenderer {
  private readonly pages = new Map<string, HandlebarsTemplateDelegate>();
  private readonly layout: HandlebarsTemplateDelegate;

  constructor(
    private readonly productName: string,
    directory = path.join(__dirname, 'pages'),
  ) {
    const handlebars = Handlebars.create();
    handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    for (const file of readdirSync(directory).filter((name) => name.endsWith('.hbs'))) {
      const template = handlebars.compile(readFileSync(path.join(directory, file), 'utf8'));
      if (file.startsWith('_')) handlebars.registerPartial(file.slice(1, -4), template);
      else this.pages.set(file.slice(0, -4), template);
    }
    const layout = this.pages.get('layout');
    if (!layout) throw new Error(`No layout.hbs in ${directory}.`);
    this.layout = layout;
  }

  render(page: string, context: PageContext & { title: string }): string {
    const template = this.pages.get(page);
    if (!template) throw new Error(`No page template named ${page}.`);
    const full = { productName: this.productName, ...context };
    return this.layout({ ...full, body: template(full) });
  }
}
