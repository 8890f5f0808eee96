import type { Catalog } from '../i18n/translator';

const en = {
  'confirmation.subject': 'Confirm your email address for {product}',
  'confirmation.intro': 'Please confirm your email address to finish creating your {product} account.',
  'confirmation.button': 'Confirm my email',
  'confirmation.paste': 'Or paste this link into your browser:',
  'confirmation.open_link': 'Open this link to confirm:',
  'confirmation.code_intro': 'Reading this on another device, or the link does not open? Enter this code at {url}:',
  'confirmation.expiry':
    'The link works until {expiresAt}. If you did not sign up, ignore this email: no account is created without your confirmation.',
  'already.subject': 'Your {product} account already exists',
  'already.body':
    'Someone, hopefully you, tried to sign up for {product} with this email address. You already have an account, so nothing was changed.',
  'already.button': 'Go to {product}',
  'already.not_you': 'If this was not you, you can ignore this email. Your password has not been changed.',
  'footer.support': 'Questions? Write to {support}.',
};

export type EmailMessageKey = keyof typeof en;

const de: Catalog<EmailMessageKey> = {
  'confirmation.subject': 'Bestätigen Sie Ihre E-Mail-Adresse für {product}',
  'confirmation.intro': 'Bitte bestätigen Sie Ihre E-Mail-Adresse, um Ihr Konto bei {product} fertig einzurichten.',
  'confirmation.button': 'E-Mail-Adresse bestätigen',
  'confirmation.paste': 'Oder kopieren Sie diesen Link in Ihren Browser:',
  'confirmation.open_link': 'Öffnen Sie diesen Link, um zu bestätigen:',
  'confirmation.code_intro':
    'Sie lesen dies auf einem anderen Gerät, oder der Link öffnet sich nicht? Geben Sie diesen Code unter {url} ein:',
  'confirmation.expiry':
    'Der Link ist gültig bis {expiresAt}. Wenn Sie sich nicht registriert haben, ignorieren Sie diese E-Mail: Ohne Ihre Bestätigung wird kein Konto angelegt.',
  'already.subject': 'Ihr Konto bei {product} besteht bereits',
  'already.body':
    'Jemand, hoffentlich Sie, wollte sich mit dieser E-Mail-Adresse bei {product} registrieren. Sie haben bereits ein Konto, deshalb wurde nichts geändert.',
  'already.button': 'Weiter zu {product}',
  'already.not_you':
    'Falls Sie das nicht waren, können Sie diese E-Mail ignorieren. Ihr Passwort wurde nicht geändert.',
  'footer.support': 'Fragen? Schreiben Sie an {support}.',
};

export const EMAIL_MESSAGES = { en, de };
