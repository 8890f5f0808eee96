// Mirrors the server's rules (libs/domain: Email and Password) so people see problems as they type.
// The server checks everything again; with JavaScript off the forms still work.
(function () {
  'use strict';
  var LOCAL = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
  var LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
  var TOP = /^(?:[\p{L}]{2,63}|xn--[a-z0-9-]{1,59})$/iu;

  function emailProblem(raw) {
    var value = raw.trim().normalize('NFC');
    if (!value) return 'Enter your email address.';
    if (value.length > 254) return 'An email address can be at most 254 characters long.';
    var at = value.lastIndexOf('@');
    if (at <= 0 || at === value.length - 1) return 'Enter an email address like name@example.com.';
    var local = value.slice(0, at);
    var labels = value.slice(at + 1).split('.');
    if (local.length > 64) return 'The part before @ can be at most 64 characters long.';
    if (!LOCAL.test(local)) return 'The part before @ contains characters an email address cannot have.';
    if (labels.length < 2) return 'The part after @ needs a domain like example.com.';
    if (
      !labels.every(function (l) {
        return LABEL.test(l);
      }) ||
      !TOP.test(labels[labels.length - 1])
    ) {
      return 'The part after @ is not a valid domain.';
    }
    return '';
  }

  function passwordProblem(raw) {
    var length = Array.from(raw).length;
    if (length < 8) return 'Use at least 8 characters (you typed ' + length + ').';
    if (length > 256) return 'Use at most 256 characters (you typed ' + length + ').';
    return '';
  }

  function codeProblem(raw) {
    return /^\d{6}$/.test(raw.replace(/[\s-]/g, '')) ? '' : 'Enter the 6 digits from the email.';
  }

  var RULES = { email: emailProblem, password: passwordProblem, code: codeProblem };
  // Exposed so a test can hold these rules against the server's on the same inputs.
  window.gatehouseFormRules = RULES;

  function check(input, shout) {
    var rule = RULES[input.name];
    if (!rule) return true;
    var problem = rule(input.value);
    var slot = document.querySelector('[data-error-for="' + input.id + '"]');
    if (problem && !shout && !input.dataset.touched) problem = '';
    if (slot) slot.textContent = problem;
    input.setAttribute('aria-invalid', problem ? 'true' : 'false');
    return !rule(input.value);
  }

  document.querySelectorAll('form[data-validate]').forEach(function (form) {
    form.querySelectorAll('input[name]').forEach(function (input) {
      input.addEventListener('blur', function () {
        input.dataset.touched = '1';
        check(input, false);
      });
      input.addEventListener('input', function () {
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
