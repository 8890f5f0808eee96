import type { EmailTemplate } from '@gatehouse/domain/mail/outgoing-email';
import type { MailerOptions } from '@nestjs-modules/mailer';
import { HandlebarsAdapter } from '@nestjs-modules/mailer/adapters/handlebars.adapter';
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
  /** The HTML part: a template in `mailerTemplateOptions.template.dir`, rendered by the mailer with `context`. */
  template: string;
  context: Record<string, unknown>;
  text: string;
}

/** The mailer's template settings, spread into MailerModule.forRoot (or a MailerService) beside its transport. */
export type MailerTemplateOptions = Required<Pick<MailerOptions, 'template' | 'options'>>;

const TEMPLATES: readonly EmailTemplate[] = ['confirmation', 'already-registered'];

const SUBJECTS: Record<EmailTemplate, EmailMessageKey> = {
  confirmation: 'confirmation.subject',
  'already-registered': 'already.subject',
};

const DATE_LOCALES: Record<Locale, string> = { en: 'en-GB', de: 'de-DE' };

const LAYOUT = 'layout.html';

const translator = new Translator(EMAIL_MESSAGES);

// The adapter registers its helpers on the global Handlebars, so every composer hands it this same function; it
// reads the language from the root context, as the text part's helper does.
const htmlTranslation = (key: EmailMessageKey, options: Handlebars.HelperOptions) =>
  new Handlebars.SafeString(translator.html(rootLocale(options), key, options.hash));

function rootLocale(options: Handlebars.HelperOptions): string {
  return (options.data?.root as { locale?: string } | undefined)?.locale ?? DEFAULT_LOCALE;
}

/**
 * What an email says, in the person's language: Handlebars templates with an HTML part (inline styles, so
 * it reads the same in every client) and a plain-text part with the same content, filled from the outbox
 * row's data. Links are built from APP_URL only, never from a request.
 *
 * The HTML part is rendered by @nestjs-modules/mailer's HandlebarsAdapter when the email is sent (it compiles
 * each template once and wraps it in the layout); this class gives the mailer those settings and builds the
 * context. The plain-text part is rendered here: the mailer's own text templates only replace {{name}}, with
 * no helpers or conditions, so they could not say the same in both languages.
 */
export class EmailComposer {
  readonly mailerTemplateOptions: MailerTemplateOptions;
  private readonly texts: Map<EmailTemplate, HandlebarsTemplateDelegate>;
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
    // The adapter reads a template at its first send, and then a missing one throws past nodemailer's callback
    // (ending the process) while a missing layout is skipped: a missing or broken HTML template stops the start here.
    for (const name of [LAYOUT, ...TEMPLATES.map((template) => `${template}.html`)])
      Handlebars.parse(read(`${name}.hbs`));
    this.mailerTemplateOptions = {
      template: {
        dir: directory,
        // No CSS inliner: the templates carry their styles inline already (no <style> or stylesheet to move), and
        // inlining would re-parse and re-write every email on the outbox's hot path to change nothing.
        adapter: new HandlebarsAdapter({ t: htmlTranslation }, { inlineCssEnabled: false }),
        options: { strict: true },
      },
      options: { layout: LAYOUT },
    };
    // Plain text is not HTML: escaping would turn "&" in a link into "&amp;".
    const text = Handlebars.create();
    translator.registerHelper(text, 'text');
    this.texts = new Map(
      TEMPLATES.map((name) => [name, text.compile(read(`${name}.text.hbs`), { strict: true, noEscape: true })]),
    );
  }

  compose(template: EmailTemplate, locale: string, data: Record<string, unknown>): ComposedEmail {
    const text = this.texts.get(template);
    if (!text) throw new Error(`No email template named ${template}.`);
    const language = isLocale(locale) ? locale : DEFAULT_LOCALE;
    const subject = translator.text(language, SUBJECTS[template], { product: this.settings.productName });
    const context = {
      ...this.context(template, language, data),
      locale: language,
      subject,
      productName: this.settings.productName,
      supportEmail: this.settings.supportEmail ?? '',
      brandColor: this.settings.brandColor,
    };
    // With its extension: the adapter takes the last one as the file's, and ".html" would name no file.
    return { subject, template: `${template}.html.hbs`, context, text: text(context) };
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
