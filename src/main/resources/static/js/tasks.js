// The task form: the details of the repetition chosen, and contacts picked from the search as ticked rows.
(function () {
  'use strict';

  const kind = document.getElementById('task-repeat-kind');
  const details = document.getElementById('task-repeat-details');

  function showRepeat() {
    if (kind && details) {
      details.dataset.kind = kind.value;
    }
  }
  if (kind) {
    kind.addEventListener('change', showRepeat);
    showRepeat();
  }

  document.addEventListener('click', function (event) {
    const option = event.target.closest('.task-contact-option');
    if (!option) {
      return;
    }
    const rows = document.getElementById('task-contact-rows');
    const id = option.dataset.id;
    let row = rows.querySelector('[data-contact-id="' + id + '"]');
    if (!row) {
      const holder = document.createElement('tbody');
      const safe = option.dataset.name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;');
      holder.innerHTML = document.getElementById('task-contact-row').innerHTML
        .replaceAll('%ID%', id).replaceAll('%NAME%', safe);
      row = holder.firstElementChild;
      rows.appendChild(row);
    }
    row.querySelector('input').checked = true;
    document.getElementById('task-contact-found').innerHTML = '';
    const search = document.getElementById('task-contact-search');
    search.value = '';
    search.focus();
  });
}());
