// The push composer (templates/push/composer.html): the audience from the tags and the customer groups
// the member is in, read from the API, and the robots they may send through, given by the page; its live
// count by reason (POST /api/v1/pushes/reach) while it changes; the variable picker; the preview for a chosen contact
// (its search and rendering are the templates page's htmx fragments); the schedule in the member's zone;
// and sending (POST /api/v1/pushes), after which the push's page opens. Every text comes from the page.
// Opened from the contact list, the page holds the list's filter (its tags in data-tag-ids). Each change
// of the audience or the message is told to push-preview.js by a "push-changed" event on the form.
(function () {
  'use strict';

  const form = document.getElementById('push-composer');
  if (!form) {
    return;
  }
  const texts = JSON.parse(form.dataset.texts);
  const zone = form.dataset.zone;
  const $ = function (id) { return document.getElementById(id); };
  // The most groups read from the API, as the push takes at most this many (within Audience.MAX_CONVERSATIONS).
  const MAX_GROUPS = 200;

  function t(key) {
    const args = Array.prototype.slice.call(arguments, 1);
    return (texts[key] || '').replace(/\{(\d+)\}/g, function (all, i) {
      return args[i] === undefined ? all : String(args[i]);
    });
  }

  function meta(name) {
    const element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

  // The API with the page's session: the CSRF header is what lets a member's session call it.
  function api(method, path, body) {
    const headers = { Accept: 'application/json' };
    const header = meta('_csrf_header');
    if (header) {
      headers[header] = meta('_csrf');
    }
    const init = { method: method, headers: headers, credentials: 'same-origin' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (json) {
        if (!response.ok) {
          const problem = json || {};
          const error = new Error(problem.detail || problem.title || t('failed'));
          error.problem = problem;
          throw error;
        }
        return json;
      });
    });
  }

  function el(tag, className, text) {
    const element = document.createElement(tag);
    if (className) {
      element.className = className;
    }
    if (text !== undefined && text !== null) {
      element.textContent = text;
    }
    return element;
  }

  // One checkbox per choice, its value the id; "empty" is said when there is none.
  function choices(container, prefix, items, empty) {
    container.textContent = '';
    if (items.length === 0) {
      container.appendChild(el('p', 'small text-body-secondary mb-0', empty));
      return;
    }
    items.forEach(function (item) {
      const box = el('div', 'form-check form-check-inline');
      const input = el('input', 'form-check-input');
      input.type = 'checkbox';
      input.id = prefix + item.id;
      input.value = item.id;
      const label = el('label', 'form-check-label', item.label);
      label.htmlFor = input.id;
      box.appendChild(input);
      box.appendChild(label);
      container.appendChild(box);
    });
  }

  function checked(container) {
    return Array.from(container.querySelectorAll('input:checked')).map(function (i) { return i.value; });
  }

  function loadTags() {
    return api('GET', '/api/v1/tag-groups').then(function (page) {
      const tags = [];
      page.items.forEach(function (group) {
        (group.tags || []).forEach(function (tag) {
          tags.push({ id: tag.id, label: group.name + ' / ' + tag.name });
        });
      });
      choices($('push-tags'), 'push-tag-', tags, t('noTags'));
      (form.dataset.tagIds || '').split(',').forEach(function (id) {
        const box = id && $('push-tag-' + id);
        if (box) {
          box.checked = true;
        }
      });
    });
  }

  function loadGroups(cursor, found) {
    const path = '/api/v1/conversations?limit=100' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : '');
    return api('GET', path).then(function (page) {
      page.items.forEach(function (c) {
        if (c.kind === 'external' && found.length < MAX_GROUPS) {
          found.push({ id: c.id, label: c.name });
        }
      });
      if (page.nextCursor && found.length < MAX_GROUPS) {
        return loadGroups(page.nextCursor, found);
      }
      choices($('push-groups'), 'push-group-', found, t('noGroups'));
    });
  }

  // The robots the member may push through come with the page: the channel API lists the
  // organization's only to those who manage channels.
  function loadRobots() {
    choices($('push-robots'), 'push-robot-', JSON.parse(form.dataset.robots), t('noRobots'));
    return Promise.resolve();
  }

  function filter() {
    const result = {};
    const tags = checked($('push-tags'));
    if (tags.length > 0) {
      result.tagIds = tags;
      result.allTags = $('push-all-tags').checked;
    }
    const owner = $('push-owner-value').value;
    if (owner) {
      result.ownerId = owner;
    }
    const q = $('push-q').value.trim();
    if (q) {
      result.q = q;
    }
    const after = $('push-contacted-after').value;
    if (after) {
      result.lastContactedAfter = instant(after + ' 00:00');
    }
    const field = $('push-field');
    const value = $('push-field-value');
    if (field && field.value && value.value.trim()) {
      result.customFields = {};
      result.customFields[field.value] = value.value.trim();
    }
    return result;
  }

  function audience() {
    const result = {
      conversationIds: checked($('push-groups')),
      channelIds: checked($('push-robots'))
    };
    if ($('push-contacts').checked) {
      result.filter = filter();
    }
    return result;
  }

  function empty(a) {
    return !a.filter && a.conversationIds.length === 0 && a.channelIds.length === 0;
  }

  function line(text, className) {
    return el('div', 'push-reach-line ' + (className || ''), text);
  }

  // The count by reason, in words: first those it will be sent to, then why the others will not.
  function showReach(reach) {
    const box = $('push-reach');
    box.textContent = '';
    box.appendChild(el('div', 'fs-4 fw-semibold', t('reach', reach.total)));
    const contacts = reach.contacts || {};
    ['queued', 'no-address', 'opted-out', 'capped-day', 'capped-month', 'invisible'].forEach(function (reason) {
      if (contacts[reason]) {
        box.appendChild(line(t('reach.' + reason, contacts[reason]),
          reason === 'queued' ? 'text-success' : 'text-body-secondary small'));
      }
    });
    if (reach.conversations) {
      box.appendChild(line(t('reach.conversations', reach.conversations), 'text-success'));
    }
    if (reach.channels) {
      box.appendChild(line(t('reach.channels', reach.channels), 'text-success'));
    }
  }

  let counting = 0;
  let timer = null;

  function count() {
    const a = audience();
    const mine = ++counting;
    if (empty(a)) {
      showReach({ total: 0 });
      return;
    }
    $('push-reach').setAttribute('aria-busy', 'true');
    api('POST', '/api/v1/pushes/reach', a).then(function (reach) {
      if (mine === counting) {
        showReach(reach);
      }
    }, function (error) {
      if (mine === counting) {
        $('push-reach').textContent = error.message;
      }
    }).finally(function () {
      $('push-reach').removeAttribute('aria-busy');
    });
  }

  function changed() {
    form.dispatchEvent(new CustomEvent('push-changed', {
      detail: {
        audience: audience(),
        content: { subject: $('push-subject').value, body: $('push-body').value }
      }
    }));
  }

  function recount() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      count();
      changed();
    }, 300);
  }

  // Choosing who among the contacts means sending to them.
  function filterChanged() {
    $('push-contacts').checked = true;
    recount();
  }

  $('push-tags').addEventListener('change', filterChanged);
  $('push-any-tag').addEventListener('change', recount);
  $('push-all-tags').addEventListener('change', recount);
  $('push-q').addEventListener('input', filterChanged);
  form.addEventListener('member-picked', filterChanged);
  $('push-contacts').addEventListener('change', recount);
  $('push-groups').addEventListener('change', recount);
  $('push-robots').addEventListener('change', recount);
  $('push-contacted-after').addEventListener('change', filterChanged);
  if ($('push-field')) {
    $('push-field').addEventListener('change', filterChanged);
    $('push-field-value').addEventListener('input', filterChanged);
  }
  let typing = null;
  [$('push-subject'), $('push-body')].forEach(function (field) {
    field.addEventListener('input', function () {
      clearTimeout(typing);
      typing = setTimeout(changed, 500);
    });
  });

  // The variable picker: the variable goes where the cursor was, in the subject or the body.
  let lastField = $('push-body');
  [$('push-subject'), $('push-body')].forEach(function (field) {
    field.addEventListener('focus', function () { lastField = field; });
  });
  $('push-variables').addEventListener('click', function (event) {
    const button = event.target.closest('[data-variable]');
    if (!button) {
      return;
    }
    const field = lastField;
    const start = field.selectionStart === null ? field.value.length : field.selectionStart;
    const end = field.selectionEnd === null ? start : field.selectionEnd;
    const variable = button.dataset.variable;
    field.value = field.value.slice(0, start) + variable + field.value.slice(end);
    field.focus();
    field.setSelectionRange(start + variable.length, start + variable.length);
    changed();
  });

  [$('push-now'), $('push-later')].forEach(function (radio) {
    radio.addEventListener('change', function () {
      $('push-at').disabled = !$('push-later').checked;
    });
  });

  // How far the zone's clock is ahead of UTC at the instant "ms".
  function zoneOffset(ms) {
    const parts = {};
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit'
    }).formatToParts(new Date(ms)).forEach(function (p) { parts[p.type] = p.value; });
    return Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second) - ms;
  }

  // "2026-12-05 09:30" (or with a T) on the member's clock, as an ISO instant.
  function instant(local) {
    const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/.exec(local.trim());
    if (!m) {
      return null;
    }
    const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
    const first = wall - zoneOffset(wall);
    return new Date(wall - zoneOffset(first)).toISOString();
  }

  function showError(message) {
    $('push-error').textContent = message;
    $('push-error').hidden = false;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    $('push-error').hidden = true;
    const body = {
      name: $('push-name').value,
      content: { subject: $('push-subject').value, body: $('push-body').value },
      audience: audience()
    };
    const after = $('push-contacted-after').value.trim();
    if (after && !instant(after + ' 00:00')) {
      showError(t('badDay'));
      return;
    }
    if ($('push-later').checked) {
      body.scheduledAt = instant($('push-at').value);
      if (!body.scheduledAt) {
        showError(t('badTime'));
        return;
      }
    }
    const send = $('push-send');
    send.disabled = true;
    send.lastElementChild.textContent = t('sending');
    api('POST', '/api/v1/pushes', body).then(function (push) {
      window.location.assign('/pushes/' + push.id);
    }, function (error) {
      send.disabled = false;
      send.lastElementChild.textContent = send.dataset.label;
      showError(error.message);
    });
  });
  $('push-send').dataset.label = $('push-send').lastElementChild.textContent;

  $('push-reach').textContent = t('counting');
  Promise.all([loadTags(), loadGroups(null, []), loadRobots()]).then(function () {
    count();
    changed();
  }, function (error) {
    showError(error.message);
  });
})();
