// Mirrors the server's rules (libs/domain: Email, Password, the confirmation code) so people see problems
// as they type, in the page's language. The server checks everything again; with JavaScript off the forms
// still work.
(function () {
  'use strict';
  var LOCAL = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
  var LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
  var TOP = /^(?:[\p{L}]{2,63}|xn--[a-z0-9-]{1,59})$/iu;

  var MESSAGES = {
    en: {
      'email.required': 'Enter your email address.',
      'email.too_long': 'An email address can be at most {max} characters long.',
      'email.shape': 'Enter an email address like name@example.com.',
      'email.local_too_long': 'The part before @ can be at most {max} characters long.',
      'email.local_characters': 'The part before @ contains characters an email address cannot have.',
      'email.domain_missing': 'The part after @ needs a domain like example.com.',
      'email.domain_invalid': 'The part after @ is not a valid domain.',
      'password.too_short': 'Use at least {min} characters (you typed {length}).',
      'password.too_long': 'Use at most {max} characters (you typed {length}).',
      'password.common': 'This password is one of the most common ones and easy to guess. Choose another.',
      'password.contains_email': 'Your password must not contain your email address.',
      'code.shape': 'Enter the 6 digits from the email.',
    },
    de: {
      'email.required': 'Geben Sie Ihre E-Mail-Adresse ein.',
      'email.too_long': 'Eine E-Mail-Adresse darf höchstens {max} Zeichen lang sein.',
      'email.shape': 'Geben Sie eine E-Mail-Adresse wie name@example.com ein.',
      'email.local_too_long': 'Der Teil vor dem @ darf höchstens {max} Zeichen lang sein.',
      'email.local_characters':
        'Der Teil vor dem @ enthält Zeichen, die in einer E-Mail-Adresse nicht vorkommen dürfen.',
      'email.domain_missing': 'Nach dem @ fehlt eine Domain wie example.com.',
      'email.domain_invalid': 'Der Teil nach dem @ ist keine gültige Domain.',
      'password.too_short': 'Verwenden Sie mindestens {min} Zeichen (Sie haben {length} eingegeben).',
      'password.too_long': 'Verwenden Sie höchstens {max} Zeichen (Sie haben {length} eingegeben).',
      'password.common': 'Dieses Passwort gehört zu den häufigsten und ist leicht zu erraten. Wählen Sie ein anderes.',
      'password.contains_email': 'Ihr Passwort darf Ihre E-Mail-Adresse nicht enthalten.',
      'code.shape': 'Geben Sie die 6 Ziffern aus der E-Mail ein.',
    },
  };

  function say(language, rule, params) {
    var text = (MESSAGES[language] || MESSAGES.en)[rule];
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return params && name in params ? String(params[name]) : whole;
    });
  }

  function emailProblem(raw, language) {
    var value = raw.trim().normalize('NFC');
    if (!value) return say(language, 'email.required');
    if (value.length > 254) return say(language, 'email.too_long', { max: 254 });
    var at = value.lastIndexOf('@');
    if (at <= 0 || at === value.length - 1) return say(language, 'email.shape');
    var local = value.slice(0, at);
    var labels = value.slice(at + 1).split('.');
    if (local.length > 64) return say(language, 'email.local_too_long', { max: 64 });
    if (!LOCAL.test(local)) return say(language, 'email.local_characters');
    if (labels.length < 2) return say(language, 'email.domain_missing');
    if (
      !labels.every(function (l) {
        return LABEL.test(l);
      }) ||
      !TOP.test(labels[labels.length - 1])
    ) {
      return say(language, 'email.domain_invalid');
    }
    return '';
  }

  // context: { email: what the email field holds, common: a Set of common passwords once loaded }.
  function passwordProblem(raw, language, context) {
    var length = Array.from(raw).length;
    if (length < 8) return say(language, 'password.too_short', { min: 8, length: length });
    if (length > 256) return say(language, 'password.too_long', { max: 256, length: length });
    var email = ((context && context.email) || '').trim().normalize('NFC');
    var local = email.slice(0, Math.max(0, email.lastIndexOf('@'))).toLowerCase();
    if (local.length >= 3 && raw.toLowerCase().indexOf(local) !== -1) return say(language, 'password.contains_email');
    if (context && context.common && context.common.has(raw.toLowerCase())) return say(language, 'password.common');
    return '';
  }

  function codeProblem(raw, language) {
    return /^\d{6}$/.test(raw.replace(/[\s-]/g, '')) ? '' : say(language, 'code.shape');
  }

  var RULES = { email: emailProblem, password: passwordProblem, code: codeProblem };
  // Exposed so a test can hold these rules against the server's on the same inputs.
  window.gatehouseFormRules = RULES;

  var language = (document.documentElement && document.documentElement.lang) || 'en';
  var common = null;

  // The list of common passwords (about 200 KB) is fetched once, the first time someone types a password.
  function loadCommonPasswords(then) {
    if (common || !window.fetch) return;
    common = new Set();
    fetch('/assets/common-passwords.json')
      .then(function (response) {
        return response.ok ? response.json() : [];
      })
      .then(function (list) {
        common = new Set(list);
        then();
      })
      .catch(function () {});
  }

  function check(input, shout) {
    var rule = RULES[input.name];
    if (!rule) return true;
    var emailInput = input.form && input.form.querySelector('input[name="email"]');
    var problem = rule(input.value, language, { email: emailInput ? emailInput.value : '', common: common });
    var slot = document.querySelector('[data-error-for="' + input.id + '"]');
    var shown = problem && !shout && !input.dataset.touched ? '' : problem;
    if (slot) slot.textContent = shown;
    input.setAttribute('aria-invalid', shown ? 'true' : 'false');
    return !problem;
  }

  document.querySelectorAll('form[data-validate]').forEach(function (form) {
    form.querySelectorAll('input[name]').forEach(function (input) {
      input.addEventListener('blur', function () {
        input.dataset.touched = '1';
        check(input, false);
      });
      input.addEventListener('input', function () {
        if (input.name === 'password') {
          loadCommonPasswords(function () {
            check(input, false);
          });
        }
        check(input, false);
      });
    });
    form.addEventListener('submit', function (event) {
      var firstBad = null;
      form.querySelectorAll('input[name]').forEach(function (input) {
        if (!check(input, true) && !firstBad) firstBad = input;
      });
      if (firstBad) {
        event.preventDefault();
        firstBad.focus();
      }
    });
  });
})();
