import type { EmailTemplate } from '@gatehouse/domain/mail/outgoing-email';
import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface ComposerSettings {
  appUrl: string;
  productName: string;
}

export interface ComposedEmail {
  subject: string;
  html: string;
  text: string;
}

const TEMPLATES: readonly EmailTemplate[] = ['confirmation', 'already-registered'];

const SUBJECTS: Record<EmailTemplate, (product: string) => string> = {
  confirmation: (product) => `Confirm your email address for ${product}`,
  'already-registered': (product) => `Your ${product} account already exists`,
};

type Compiled = { html: HandlebarsTemplateDelegate; text: HandlebarsTemplateDelegate };

/**
 * What an email says: Handlebars templates with an HTML and a plain-text part each, filled from the
 * outbox row's data. Links are built from APP_URL only, never from a request.
 */
export class EmailComposer {
  private readonly templates: Map<EmailTemplate, Compiled>;
  private readonly layout: HandlebarsTemplateDelegate;

  constructor(
    private readonly settings: ComposerSettings,
    directory = path.join(__dirname, 'templates'),
  ) {
    const read = (name: string) => readFileSync(path.join(directory, name), 'utf8');
    const handlebars = Handlebars.create();
    this.layout = handlebars.compile(read('layout.html.hbs'), { strict: true });
    this.templates = new Map(
      TEMPLATES.map((name) => [
        name,
        {
          html: handlebars.compile(read(`${name}.html.hbs`), { strict: true }),
          // Plain text is not HTML: escaping would turn "&" in a link into "&amp;".
          text: handlebars.compile(read(`${name}.text.hbs`), { strict: true, noEscape: true }),
        },
      ]),
    );
  }

  compose(template: EmailTemplate, data: Record<string, unknown>): ComposedEmail {
    const compiled = this.templates.get(template);
    if (!compiled) throw new Error(`No email template named ${template}.`);
    const context = { ...this.context(template, data), productName: this.settings.productName };
    const subject = SUBJECTS[template](this.settings.productName);
    return {
      subject,
      html: this.layout({ subject, productName: this.settings.productName, body: compiled.html(context) }),
      text: compiled.text(context),
    };
  }

  private context(template: EmailTemplate, data: Record<string, unknown>): Record<string, unknown> {
    const base = this.settings.appUrl.replace(/\/+$/, '');
    if (template === 'confirmation') {
      const token = String(data.token);
      const expiresAt = new Date(String(data.expiresAt));
      return {
        confirmUrl: `${base}/confirm?token=${encodeURIComponent(token)}`,
        // Emails queued before codes existed have none: they show the link only.
        code: typeof data.code === 'string' ? data.code : '',
        codeUrl: `${base}/confirm/code`,
        expiresAt: expiresAt.toUTCString(),
      };
    }
    return { signInUrl: `${base}/` };
  }
}
