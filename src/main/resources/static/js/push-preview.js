// The composer's preview (templates/push/composer.html): on each "push-changed" event of push-composer.js
// it asks POST /api/v1/pushes/preview how the message reads for a few contacts of the audience (and for
// customer groups and robots), offers them in a select and shows the chosen one's subject, e-mail (HTML,
// cleaned by the server) and Markdown; a contact found by the search is previewed instead of the few.
// Every text comes from the page.
(function () {
  'use strict';

  const form = document.getElementById('push-composer');
  if (!form) {
    return;
  }
  const texts = JSON.parse(form.dataset.texts);
  const $ = function (id) { return document.getElementById(id); };
  const select = $('push-preview-contact');
  // The renderings of the last answer, by the select's values: a contact's id, or "groups".
  let renderings = {};
  let asking = 0;
  // The composer's last audience and content, and the contact found by the search (null: a few of the audience).
  let last = null;
  let contactId = null;

  function t(key, arg) {
    return (texts[key] || '').replace('{0}', arg === undefined ? '{0}' : String(arg));
  }

  function meta(name) {
    const element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

  function note(text) {
    $('push-preview-note').textContent = text;
    $('push-preview-message').hidden = true;
  }

  function show(key) {
    const rendered = renderings[key];
    if (!rendered) {
      return;
    }
    $('push-preview-subject').textContent = rendered.subject;
    $('push-preview-html').innerHTML = rendered.html;
    $('push-preview-markdown').textContent = rendered.markdown;
    $('push-preview-message').hidden = false;
  }

  function option(value, label) {
    const element = document.createElement('option');
    element.value = value;
    element.textContent = label;
    return element;
  }

  function answered(preview) {
    const chosen = contactId || select.value;
    renderings = {};
    select.textContent = '';
    preview.samples.forEach(function (sample) {
      renderings[sample.contactId] = sample.rendered;
      select.appendChild(option(sample.contactId, sample.contactName));
    });
    if (preview.groups) {
      renderings.groups = preview.groups;
      select.appendChild(option('groups', t('previewGroups')));
    }
    select.disabled = select.options.length === 0;
    if (select.options.length === 0) {
      note(t('previewNone'));
      return;
    }
    if (renderings[chosen]) {
      select.value = chosen;
    }
    $('push-preview-note').textContent = t('previewCount', preview.count);
    show(select.value);
  }

  function ask(detail) {
    last = detail;
    const content = detail.content;
    const audience = detail.audience;
    const mine = ++asking;
    if (!content.subject.trim() || !content.body.trim()) {
      note(t('previewEmpty'));
      return;
    }
    if (!audience.filter && audience.conversationIds.length === 0 && audience.channelIds.length === 0) {
      note(t('previewNone'));
      return;
    }
    const headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
    if (meta('_csrf_header')) {
      headers[meta('_csrf_header')] = meta('_csrf');
    }
    fetch('/api/v1/pushes/preview', {
      method: 'POST',
      headers: headers,
      credentials: 'same-origin',
      body: JSON.stringify({ audience: audience, content: content, contactId: contactId })
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (mine !== asking) {
          return;
        }
        if (response.ok) {
          answered(json);
        } else {
          note(json.detail || json.title || texts.failed);
        }
      });
    }, function () {
      if (mine === asking) {
        note(texts.failed);
      }
    });
  }

  form.addEventListener('push-changed', function (event) { ask(event.detail); });
  select.addEventListener('change', function () { show(select.value); });
  $('preview-found').addEventListener('click', function (event) {
    const contact = event.target.closest('[data-contact-id]');
    if (!contact) {
      return;
    }
    event.preventDefault();
    contactId = contact.dataset.contactId;
    $('preview-search').value = contact.dataset.contactName;
    $('preview-found').replaceChildren();
    if (last) {
      ask(last);
    }
  });
  note(t('previewEmpty'));
})();
