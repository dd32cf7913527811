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

// Type-ahead under a search box: [data-typeahead] holds a role=combobox input and its role=listbox menu,
// which htmx fills with role=option links. Down and up move, Enter opens the highlighted one, Esc closes.
(function () {
  'use strict';

  function parts(element) {
    const box = element.closest('[data-typeahead]');
    if (!box) {
      return null;
    }
    return { box: box, input: box.querySelector('[role=combobox]'), menu: box.querySelector('[role=listbox]') };
  }

  function options(t) {
    return Array.from(t.menu.querySelectorAll('[role=option]'));
  }

  function highlight(t, index) {
    options(t).forEach(function (option, i) {
      option.setAttribute('aria-selected', i === index ? 'true' : 'false');
      if (i === index) {
        option.scrollIntoView({ block: 'nearest' });
        t.input.setAttribute('aria-activedescendant', option.id);
      }
    });
    if (index < 0) {
      t.input.removeAttribute('aria-activedescendant');
    }
  }

  function open(t, show) {
    const shown = show && options(t).length > 0 && t.input.value.trim() !== '';
    t.menu.hidden = !shown;
    t.input.setAttribute('aria-expanded', shown ? 'true' : 'false');
    highlight(t, -1);
  }

  document.addEventListener('htmx:afterSwap', function (event) {
    const t = parts(event.detail.target);
    if (t && event.detail.target === t.menu) {
      open(t, document.activeElement === t.input);
    }
  });

  document.addEventListener('input', function (event) {
    const t = parts(event.target);
    if (t && event.target === t.input && t.input.value.trim() === '') {
      open(t, false);
    }
  });

  document.addEventListener('keydown', function (event) {
    const t = parts(event.target);
    if (!t || event.target !== t.input) {
      return;
    }
    const all = options(t);
    const current = all.findIndex(function (option) { return option.getAttribute('aria-selected') === 'true'; });
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (all.length === 0) {
        return;
      }
      event.preventDefault();
      if (t.menu.hidden) {
        open(t, true);
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      highlight(t, current < 0 && step < 0 ? all.length - 1 : (current + step + all.length) % all.length);
    } else if (event.key === 'Enter' && !t.menu.hidden && current >= 0) {
      event.preventDefault();
      window.location.assign(all[current].href);
    } else if (event.key === 'Escape' && !t.menu.hidden) {
      event.preventDefault();
      open(t, false);
    }
  });

  // Leaving the box closes the menu; a click on an option focuses the option first, so it still lands.
  document.addEventListener('focusout', function (event) {
    const t = parts(event.target);
    if (t && !(event.relatedTarget && t.box.contains(event.relatedTarget))) {
      open(t, false);
    }
  });

  // "Back" brings the page as htmx kept it, menu and all (results that push the URL save it while it is
  // open): it comes back closed.
  document.addEventListener('htmx:historyRestore', function () {
    document.querySelectorAll('[data-typeahead]').forEach(function (box) {
      open(parts(box), false);
    });
  });

  // The import's drop zone: a file dropped on it is the file input's choice, which sends the form.
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
