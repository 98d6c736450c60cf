// The password rules of the sign-up and reset pages, marked met or not as the person types (loaded by CSP nonce).
// Length is counted in code points, as the server counts it; the other rules are the server's to judge on submit.
'use strict';
(() => {
  const input = document.getElementById('password');
  const rules = document.getElementById('password-rules');
  const status = document.getElementById('password-rules-status');
  if (!input || !rules || !status) return;
  const min = rules.querySelector('[data-rule="min"]');
  const max = rules.querySelector('[data-rule="max"]');
  const mark = (item, met) => { item.classList.toggle('met', met); item.classList.toggle('unmet', !met); };
  let last = '';
  input.addEventListener('input', () => {
    const length = [...input.value].length;
    const need = Number(min.dataset.min), most = Number(max.dataset.max);
    mark(min, length >= need);
    mark(max, length <= most);
    const message = length === 0 ? ''
      : length < need ? `${need - length} more character${need - length === 1 ? '' : 's'} needed.`
      : length > most ? `${length - most} character${length - most === 1 ? '' : 's'} too many.`
      : 'Long enough. Avoid common words, names and patterns.';
    // Only changes are announced, so a screen reader is not read the same sentence on every key.
    if (message !== last) { status.textContent = message; last = message; }
  });
})();
