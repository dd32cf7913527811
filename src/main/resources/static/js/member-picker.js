// Member pickers ([data-member-picker], templates/identity/member-picker.html): typing or choosing a
// department asks the server for matching members; Down and Up move through them, Enter (or a click)
// picks, Esc closes. "single" keeps one member in a hidden input; "rows" adds a row per member picked.
// Either way the pick is announced with a bubbling "member-picked" event that hosts may listen to.
(function () {
  'use strict';

  function parts(element) {
    const box = element.closest && element.closest('[data-member-picker]');
    if (!box) {
      return null;
    }
    return {
      box: box,
      mode: box.dataset.memberPicker,
      input: box.querySelector('[data-picker-input]'),
      value: box.querySelector('[data-picker-value]'),
      panel: box.querySelector('.member-picker-panel'),
      department: box.querySelector('[data-picker-department]'),
      results: box.querySelector('[data-picker-results]')
    };
  }

  function options(p) {
    return Array.from(p.results.querySelectorAll('[role=option]'));
  }

  function highlight(p, index) {
    options(p).forEach(function (option, i) {
      option.setAttribute('aria-selected', i === index ? 'true' : 'false');
      if (i === index) {
        option.scrollIntoView({ block: 'nearest' });
        p.input.setAttribute('aria-activedescendant', option.id);
      }
    });
    if (index < 0) {
      p.input.removeAttribute('aria-activedescendant');
    }
  }

  function query(p) {
    return p.input.value.trim();
  }

  const timers = new WeakMap();
  const requests = new WeakMap();

  function load(p) {
    const previous = requests.get(p.box);
    if (previous) {
      previous.abort();
    }
    const controller = new AbortController();
    requests.set(p.box, controller);
    const params = new URLSearchParams();
    const q = query(p);
    params.set('q', q);
    if (p.department && p.department.value) {
      params.set('department', p.department.value);
    }
    if (p.panel.dataset.exclude) {
      params.append('exclude', p.panel.dataset.exclude);
    }
    fetch(p.panel.dataset.source + '?' + params, { signal: controller.signal, credentials: 'same-origin' })
      .then(function (response) {
        // An expired session answers the login page: reloading leads there.
        if (response.redirected || !response.ok) {
          window.location.reload();
          return null;
        }
        return response.text();
      })
      .then(function (html) {
        if (html === null) {
          return;
        }
        p.results.innerHTML = html;
        // What the options answer, for whoever waits for them (the browser tests).
        p.results.dataset.answers = q + '|' + (p.department ? p.department.value : '');
        options(p).forEach(function (option, i) {
          option.id = p.input.id + '-option-' + i;
        });
        const listbox = p.results.querySelector('[role=listbox]');
        listbox.id = p.input.id + '-options';
        p.input.setAttribute('aria-controls', listbox.id);
        highlight(p, -1);
      })
      .catch(function (error) {
        if (error.name !== 'AbortError') {
          throw error;
        }
      });
  }

  function open(p) {
    if (p.panel.hidden) {
      p.panel.hidden = false;
      p.input.setAttribute('aria-expanded', 'true');
      load(p);
    }
  }

  function close(p) {
    p.panel.hidden = true;
    p.input.setAttribute('aria-expanded', 'false');
    highlight(p, -1);
    if (p.mode === 'single') {
      // Emptied on purpose, the box chooses nobody where that is allowed; else it shows the choice again.
      if (p.box.dataset.allowEmpty === 'true' && p.box.dataset.typed === 'true' && query(p) === '') {
        choose(p, '', '');
      } else {
        p.input.value = p.input.dataset.chosenName || '';
      }
      p.input.placeholder = p.input.dataset.placeholder || p.input.placeholder;
      p.box.dataset.typed = '';
    }
  }

  function choose(p, id, name) {
    if (p.mode === 'single') {
      const changed = p.value.value !== id;
      p.value.value = id;
      p.input.value = name;
      p.input.dataset.chosenName = name;
      if (changed) {
        p.value.dispatchEvent(new CustomEvent('member-picked', { bubbles: true, detail: { id: id, name: name } }));
      }
      return;
    }
    const rows = document.querySelector(p.box.dataset.rows);
    let row = rows.querySelector('[data-member-id="' + id + '"]');
    if (!row) {
      const template = document.querySelector(p.box.dataset.rowTemplate);
      const holder = document.createElement('tbody');
      const safe = name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
      holder.innerHTML = template.innerHTML.replaceAll('%ID%', id).replaceAll('%NAME%', safe);
      row = holder.firstElementChild;
      rows.appendChild(row);
    }
    row.classList.add('member-row-picked');
    row.scrollIntoView({ block: 'nearest' });
    p.input.value = '';
    p.box.dispatchEvent(new CustomEvent('member-picked', { bubbles: true, detail: { id: id, name: name } }));
  }

  function pick(p, option) {
    choose(p, option.dataset.id, option.dataset.name);
    // Back to the box first (from the department select, say), so that closing is the last word.
    p.input.focus();
    close(p);
  }

  document.addEventListener('input', function (event) {
    const p = parts(event.target);
    if (!p || event.target !== p.input) {
      return;
    }
    p.box.dataset.typed = 'true';
    p.panel.hidden = false;
    p.input.setAttribute('aria-expanded', 'true');
    clearTimeout(timers.get(p.box));
    timers.set(p.box, setTimeout(function () { load(p); }, 200));
  });

  document.addEventListener('change', function (event) {
    const p = parts(event.target);
    if (p && event.target === p.department) {
      load(p);
    }
  });

  // Focusing the box opens it to search afresh: the chosen member's name moves to the placeholder
  // (and comes back on leaving), so that typing never appends to it.
  document.addEventListener('focusin', function (event) {
    const p = parts(event.target);
    if (p && event.target === p.input && p.panel.hidden) {
      if (p.mode === 'single') {
        p.input.dataset.placeholder = p.input.dataset.placeholder || p.input.placeholder;
        p.input.placeholder = p.input.dataset.chosenName || p.input.dataset.placeholder;
        p.input.value = '';
        p.box.dataset.typed = '';
      }
      open(p);
    }
  });

  // Leaving the picker closes it; moving to the department select or an option keeps it open.
  document.addEventListener('focusout', function (event) {
    const p = parts(event.target);
    if (p && !(event.relatedTarget && p.box.contains(event.relatedTarget))) {
      close(p);
    }
  });

  // The mouse: a press on an option would blur the box first, so the pick happens on the press.
  document.addEventListener('mousedown', function (event) {
    const option = event.target.closest && event.target.closest('.member-picker [role=option]');
    if (option) {
      event.preventDefault();
      pick(parts(option), option);
    }
  });

  document.addEventListener('keydown', function (event) {
    const p = parts(event.target);
    if (!p || (event.target !== p.input && event.target !== p.department)) {
      return;
    }
    const all = options(p);
    const current = all.findIndex(function (option) { return option.getAttribute('aria-selected') === 'true'; });
    if (event.target === p.input && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      open(p);
      if (all.length > 0) {
        const step = event.key === 'ArrowDown' ? 1 : -1;
        highlight(p, current < 0 && step < 0 ? all.length - 1 : (current + step + all.length) % all.length);
      }
    } else if (event.key === 'Enter' && event.target === p.input) {
      // Enter never sends the form the picker sits in: it picks, or with one option left, that one.
      event.preventDefault();
      if (current >= 0) {
        pick(p, all[current]);
      } else if (all.length === 1 && query(p) !== '') {
        pick(p, all[0]);
      } else if (p.mode === 'single' && p.input.value.trim() === '') {
        close(p);
      }
    } else if (event.key === 'Escape' && !p.panel.hidden) {
      event.preventDefault();
      event.stopPropagation();
      p.input.focus();
      close(p);
    }
  // In the capture phase, so that Esc closes the picker before it closes the dialog the picker is in.
  }, true);
})();
