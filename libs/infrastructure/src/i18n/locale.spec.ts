import { negotiateLocale } from './locale';
import { Translator } from './translator';

describe('negotiateLocale', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['de', 'de'],
    ['de-AT,de;q=0.9,en;q=0.8', 'de'],
    ['fr-FR,fr;q=0.9,de;q=0.5,en;q=0.4', 'de'],
    ['en-US,de;q=0.9', 'en'],
    ['de;q=0, en', 'en'],
    ['*', 'en'],
    ['fr, ja', 'en'],
    ['de;q=abc, en;q=0.1', 'en'],
    ['x'.repeat(500), 'en'],
  ])('%j -> %s', (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });
});

describe('Translator', () => {
  const translator = new Translator({
    en: { greet: 'Hello **{name}**, you have {count} messages' },
    de: { greet: 'Hallo **{name}**, Sie haben {count} Nachrichten' },
  });

  it('fills parameters and escapes them in HTML', () => {
    expect(translator.html('de', 'greet', { name: '<b>Eve</b>', count: 3 })).toBe(
      'Hallo <strong>&lt;b&gt;Eve&lt;/b&gt;</strong>, Sie haben 3 Nachrichten',
    );
    expect(translator.text('en', 'greet', { name: 'Eve', count: 1 })).toBe('Hello Eve, you have 1 messages');
  });

  it('leaves asterisks in a parameter alone', () => {
    expect(translator.html('en', 'greet', { name: 'al***@example.com', count: 0 })).toBe(
      'Hello <strong>al***@example.com</strong>, you have 0 messages',
    );
  });

  it('falls back to English for an unknown language', () => {
    expect(translator.text('xx', 'greet', { name: 'A', count: 2 })).toBe('Hello A, you have 2 messages');
  });
});
