import type { EmailTemplate } from '@gatehouse/domain/mail/outgoing-email';
import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_LOCALE, isLocale, SUPPORTED_LOCALES, type Locale } from '../i18n/locale';
import { Translator } from '../i18n/translator';
import { EMAIL_MESSAGES, type EmailMessageKey } from './email-messages';

export interface ComposerSettings {
  appUrl: string;
  productName: string;
  /** Shown at the foot of every email when set. */
  supportEmail?: string;
  /** Buttons, links and the product name in emails. */
  brandColor: string;
}

export interface ComposedEmail {
  subject: string;
  html: string;
  text: string;
}

const TEMPLATES: readonly EmailTemplate[] = ['confirmation', 'already-registered'];

const SUBJECTS: Record<EmailTemplate, EmailMessageKey> = {
  confirmation: 'confirmation.subject',
  'already-registered': 'already.subject',
};

const DATE_LOCALES: Record<Locale, string> = { en: 'en-GB', de: 'de-DE' };

type Compiled = { html: HandlebarsTemplateDelegate; text: HandlebarsTemplateDelegate };

/**
 * What an email says, in the person's language: Handlebars templates with an HTML part (inline styles, so
 * it reads the same in every client) and a plain-text part with the same content, filled from the outbox
 * row's data. Links are built from APP_URL only, never from a request.
 */
export class EmailComposer {
  private readonly templates: Map<EmailTemplate, Compiled>;
  private readonly layout: HandlebarsTemplateDelegate;
  private readonly translator = new Translator(EMAIL_MESSAGES);
  // Building an Intl.DateTimeFormat costs more than writing the rest of the email: one per language, made once.
  private readonly dateFormats = new Map(
    SUPPORTED_LOCALES.map((locale) => [
      locale,
      new Intl.DateTimeFormat(DATE_LOCALES[locale], { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }),
    ]),
  );

  constructor(
    private readonly settings: ComposerSettings,
    directory = path.join(__dirname, 'templates'),
  ) {
    const read = (name: string) => readFileSync(path.join(directory, name), 'utf8');
    const html = Handlebars.create();
    this.translator.registerHelper(html, 'html');
    // Plain text is not HTML: escaping would turn "&" in a link into "&amp;".
    const text = Handlebars.create();
    this.translator.registerHelper(text, 'text');
    this.layout = html.compile(read('layout.html.hbs'), { strict: true });
    this.templates = new Map(
      TEMPLATES.map((name) => [
        name,
        {
          html: html.compile(read(`${name}.html.hbs`), { strict: true }),
          text: text.compile(read(`${name}.text.hbs`), { strict: true, noEscape: true }),
        },
      ]),
    );
  }

  compose(template: EmailTemplate, locale: string, data: Record<string, unknown>): ComposedEmail {
    const compiled = this.templates.get(template);
    if (!compiled) throw new Error(`No email template named ${template}.`);
    const language = isLocale(locale) ? locale : DEFAULT_LOCALE;
    const context = {
      ...this.context(template, language, data),
      locale: language,
      productName: this.settings.productName,
      supportEmail: this.settings.supportEmail ?? '',
      brandColor: this.settings.brandColor,
    };
    const subject = this.translator.text(language, SUBJECTS[template], { product: this.settings.productName });
    return {
      subject,
      html: this.layout({ ...context, subject, body: compiled.html(context) }),
      text: compiled.text(context),
    };
  }

  private context(template: EmailTemplate, locale: Locale, data: Record<string, unknown>): Record<string, unknown> {
    const base = this.settings.appUrl.replace(/\/+$/, '');
    if (template === 'confirmation') {
      const token = String(data.token);
      const expiresAt = new Date(String(data.expiresAt));
      return {
        confirmUrl: `${base}/confirm?token=${encodeURIComponent(token)}`,
        // Emails queued before codes existed have none: they show the link only.
        code: typeof data.code === 'string' ? data.code : '',
        codeUrl: `${base}/confirm/code`,
        expiresAt: `${this.dateFormats.get(locale)!.format(expiresAt)} UTC`,
      };
    }
    return { signInUrl: `${base}/` };
  }
}
