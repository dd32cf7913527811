// Liaison's page behaviour. No inline scripts: the Content-Security-Policy allows only files like this one.
(function () {
  'use strict';

  function meta(name) {
    const element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.content : null;
  }

  // htmx requests change data like forms do, so they carry the session's CSRF token.
  document.addEventListener('htmx:configRequest', function (event) {
    const header = meta('_csrf_header');
    const token = meta('_csrf');
    if (header && token) {
      event.detail.headers[header] = token;
    }
  });

  // htmx drops 4xx answers; the server marks the ones it shaped for the page (toasts) with HX-Reswap.
  document.addEventListener('htmx:beforeSwap', function (event) {
    const xhr = event.detail.xhr;
    if (xhr.status >= 400 && xhr.getResponseHeader('HX-Reswap')) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  function showToast(element) {
    if (window.bootstrap) {
      window.bootstrap.Toast.getOrCreateInstance(element, { delay: 8000 }).show();
    } else {
      element.classList.add('show');
    }
  }

  function genericToast(templateId) {
    const template = document.getElementById(templateId);
    const region = document.getElementById('toasts');
    if (!template || !region) {
      return;
    }
    const toast = template.content.firstElementChild.cloneNode(true);
    region.appendChild(toast);
    showToast(toast);
  }

  document.addEventListener('htmx:responseError', function (event) {
    // A 403 nobody shaped is a CSRF token that no longer matches a session: reloading leads to the login.
    if (event.detail.xhr.status === 403) {
      window.location.reload();
      return;
    }
    genericToast('toast-server-error');
  });

  document.addEventListener('htmx:sendError', function () {
    genericToast('toast-network-error');
  });

  // Toasts the server appended show themselves and fade after a while.
  document.addEventListener('htmx:load', function (event) {
    const element = event.detail.elt;
    if (element.classList && element.classList.contains('toast')) {
      showToast(element);
    }
  });

  // Copy buttons: data-copy-target names the element whose text (or value) goes to the clipboard.
  document.addEventListener('click', function (event) {
    const button = event.target.closest('[data-copy-target]');
    if (!button) {
      return;
    }
    const source = document.querySelector(button.dataset.copyTarget);
    const text = source.value !== undefined ? source.value : source.textContent;
    navigator.clipboard.writeText(text.trim()).then(function () {
      button.textContent = button.dataset.copiedLabel || button.textContent;
    });
  });

  // A form in a dialog marked data-dismiss-on-success closes the dialog once the server accepted it;
  // a refusal leaves it open beside the toast.
  document.addEventListener('htmx:afterRequest', function (event) {
    const form = event.detail.elt;
    if (!form.matches || !form.matches('[data-dismiss-on-success]') || event.detail.xhr.status >= 400) {
      return;
    }
    const dialog = form.closest('.modal') || document.querySelector('.modal.show');
    if (dialog && window.bootstrap) {
      window.bootstrap.Modal.getOrCreateInstance(dialog).hide();
    }
  });

  // Plain forms that need a yes before they run (the htmx ones use hx-confirm).
  document.addEventListener('submit', function (event) {
    const question = event.target.dataset.confirm;
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  // Row selection for batch actions. A [data-selection] region holds checkboxes named "ids", a
  // [data-select-all] box, a [data-selection-count] label (its data-template has {0}) and
  // [data-selection-action] buttons that stay disabled while nothing is selected.
  function refreshSelection(region) {
    const boxes = Array.from(region.querySelectorAll('input[type=checkbox][name=ids]'));
    const checked = boxes.filter(function (box) { return box.checked; }).length;
    const all = region.querySelector('[data-select-all]');
    if (all) {
      all.checked = boxes.length > 0 && checked === boxes.length;
      all.indeterminate = checked > 0 && checked < boxes.length;
    }
    region.querySelectorAll('[data-selection-count]').forEach(function (label) {
      label.textContent = (label.dataset.template || '{0}').replace('{0}', checked);
    });
    region.querySelectorAll('[data-selection-action]').forEach(function (button) {
      button.disabled = checked === 0;
    });
  }

  document.addEventListener('change', function (event) {
    const region = event.target.closest('[data-selection]');
    if (!region) {
      return;
    }
    if (event.target.matches('[data-select-all]')) {
      region.querySelectorAll('input[type=checkbox][name=ids]').forEach(function (box) {
        box.checked = event.target.checked;
      });
    }
    refreshSelection(region);
  });

  // A contact carries one tag of an exclusive group: checking one unchecks the others of its group.
  document.addEventListener('change', function (event) {
    const group = event.target.closest('[data-exclusive]');
    if (!group || !event.target.checked) {
      return;
    }
    group.querySelectorAll('input[type=checkbox]').forEach(function (box) {
      if (box !== event.target) {
        box.checked = false;
      }
    });
  });

  // Rows that "load more" adds arrive unselected; the counts and the select-all box follow.
  document.addEventListener('htmx:load', function (event) {
    const element = event.detail.elt;
    const region = element.closest ? element.closest('[data-selection]') : null;
    if (region) {
      refreshSelection(region);
    }
  });
})();

// A search box over a list of rows: [data-row-search] holds the box and names the rows' container. The
// rows below are the search, updated as the member types; the keyboard moves through them from the box:
// the first row found is highlighted, Down and Up move, Enter opens the highlighted one, Esc lets go.
// "/" anywhere but in a field comes back to the box.
(function () {
  'use strict';

  function parts(element) {
    const box = element && element.closest ? element.closest('[data-row-search]') : null;
    if (!box) {
      return null;
    }
    return { box: box, input: box.querySelector('input'), rows: document.querySelector(box.dataset.rowSearch) };
  }

  function rows(t) {
    return t.rows ? Array.from(t.rows.querySelectorAll(':scope > tr[id]')) : [];
  }

  function highlight(t, index) {
    rows(t).forEach(function (row, i) {
      row.classList.toggle('is-active', i === index);
      if (i === index) {
        row.setAttribute('aria-current', 'true');
        row.scrollIntoView({ block: 'nearest' });
        t.input.setAttribute('aria-activedescendant', row.id);
      } else {
        row.removeAttribute('aria-current');
      }
    });
    if (index < 0) {
      t.input.removeAttribute('aria-activedescendant');
    }
  }

  function current(t) {
    return rows(t).findIndex(function (row) { return row.classList.contains('is-active'); });
  }

  // A new answer while the member is in the box: its best match is the one Enter opens.
  document.addEventListener('htmx:afterSettle', function () {
    const t = parts(document.activeElement);
    if (t && t.input === document.activeElement) {
      t.rows = document.querySelector(t.box.dataset.rowSearch);
      highlight(t, t.input.value.trim() === '' ? -1 : 0);
    }
  });

  // Until the answer to what was just typed arrives, the highlighted row is not its match.
  document.addEventListener('input', function (event) {
    const t = parts(event.target);
    if (t && event.target === t.input) {
      highlight(t, -1);
    }
  });

  document.addEventListener('keydown', function (event) {
    const t = parts(event.target);
    if (!t || event.target !== t.input) {
      return;
    }
    const all = rows(t);
    const at = current(t);
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && all.length > 0) {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      highlight(t, at < 0 && step < 0 ? all.length - 1 : Math.min(Math.max(at + step, 0), all.length - 1));
    } else if (event.key === 'Enter' && at >= 0) {
      event.preventDefault();
      const link = all[at].querySelector('a[href]');
      if (link) {
        window.location.assign(link.href);
      }
    } else if (event.key === 'Escape' && at >= 0) {
      event.preventDefault();
      highlight(t, -1);
    }
  });

  document.addEventListener('keydown', function (event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    const target = event.target;
    if (target.closest && target.closest('input, textarea, select, [contenteditable]')) {
      return;
    }
    const box = document.querySelector('[data-row-search] input');
    if (box) {
      event.preventDefault();
      box.focus();
      box.select();
    }
  });
})();

// Ctrl+Enter (Cmd+Enter on a Mac) in a text area sends its form, as in mail and chat apps.
(function () {
  'use strict';

  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) {
      return;
    }
    const area = event.target;
    if (area.tagName === 'TEXTAREA' && area.form) {
      event.preventDefault();
      area.form.requestSubmit();
    }
  });
})();

// A <details data-remember-open="key"> panel opens as the member last left it, in this browser.
(function () {
  'use strict';

  function restore() {
    document.querySelectorAll('details[data-remember-open]').forEach(function (panel) {
      panel.open = window.localStorage.getItem(panel.dataset.rememberOpen) === 'open';
    });
  }

  document.addEventListener('toggle', function (event) {
    const panel = event.target;
    if (panel.matches && panel.matches('details[data-remember-open]')) {
      window.localStorage.setItem(panel.dataset.rememberOpen, panel.open ? 'open' : 'closed');
    }
  }, true);
  document.addEventListener('DOMContentLoaded', restore);
  document.addEventListener('htmx:historyRestore', restore);
})();

// The import's drop zone: a file dropped on it is the file input's choice, which sends the form.
(function () {
  'use strict';

  document.addEventListener('dragover', function (event) {
    const zone = event.target.closest && event.target.closest('.drop-zone');
    if (zone) {
      event.preventDefault();
      zone.classList.add('dragging');
    }
  });
  document.addEventListener('dragleave', function (event) {
    const zone = event.target.closest && event.target.closest('.drop-zone');
    if (zone) {
      zone.classList.remove('dragging');
    }
  });
  document.addEventListener('drop', function (event) {
    const zone = event.target.closest && event.target.closest('.drop-zone');
    if (!zone) {
      return;
    }
    event.preventDefault();
    zone.classList.remove('dragging');
    const input = document.getElementById(zone.getAttribute('for'));
    if (input && event.dataTransfer && event.dataTransfer.files.length > 0) {
      input.files = event.dataTransfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }
  });
})();
