// The push templates page (templates/push/templates.html): a variable button inserts its variable at
// the cursor of the subject or body last focused (the body at first), and a contact found by the
// search becomes the one the preview is rendered for.
(function () {
  'use strict';

  let target = null;

  document.addEventListener('focusin', function (event) {
    if (event.target.matches && event.target.matches('[data-variable-target]')) {
      target = event.target;
    }
  });

  document.addEventListener('click', function (event) {
    const variable = event.target.closest && event.target.closest('[data-variable]');
    if (variable) {
      insert(variable.dataset.variable);
      return;
    }
    const contact = event.target.closest && event.target.closest('[data-contact-id]');
    if (contact) {
      document.getElementById('preview-contact-id').value = contact.dataset.contactId;
      document.getElementById('preview-contact-name').textContent = contact.dataset.contactName;
      document.getElementById('preview-found').replaceChildren();
      htmx.trigger('#template-preview', 'contact-chosen');
    }
  });

  function insert(text) {
    const field = target && document.body.contains(target) ? target : document.getElementById('template-body');
    const start = field.selectionStart ?? field.value.length;
    const end = field.selectionEnd ?? field.value.length;
    field.value = field.value.slice(0, start) + text + field.value.slice(end);
    field.focus();
    field.setSelectionRange(start + text.length, start + text.length);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }
})();
