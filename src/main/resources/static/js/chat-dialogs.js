// The chat's dialogs besides the group settings (chat-settings.js): a new group (internal, or with
// customers: members from the member picker, contacts found as they are typed), a new direct chat,
// and searching the messages of the open conversation or of all of one's conversations.
(function () {
  'use strict';

  const chat = window.LiaisonChat;
  if (!chat) {
    return;
  }

  chat.dialog = function (id) {
    const dialog = document.getElementById(id);
    if (dialog && !dialog.open) {
      dialog.showModal();
    }
    return dialog;
  };

  document.addEventListener('click', function (event) {
    const close = event.target.closest('[data-close-dialog]');
    if (close) {
      close.closest('dialog').close();
    }
    const remove = event.target.closest('#chat [data-remove-row]');
    if (remove) {
      remove.closest('tr').remove();
    }
  });

  // Search: in the open conversation or in all, results jump to the message.
  const searchQ = document.getElementById('chat-search-q');
  const scope = document.getElementById('chat-search-scope');
  const results = document.getElementById('chat-search-results');

  function openSearch(where) {
    scope.value = where;
    scope.querySelector('option[value=here]').disabled = !chat.current;
    if (!chat.current) {
      scope.value = 'all';
    }
    results.replaceChildren();
    chat.dialog('chat-search-dialog');
    searchQ.focus();
  }

  function search() {
    const q = searchQ.value.trim();
    if (!q) {
      return;
    }
    let path = '/api/v1/messages/search?limit=50&q=' + encodeURIComponent(q);
    if (scope.value === 'here' && chat.current) {
      path += '&conversationId=' + chat.current;
    }
    chat.api('GET', path).then(function (page) {
      results.replaceChildren();
      if (page.items.length === 0) {
        results.appendChild(chat.el('li', 'text-body-secondary small', chat.t('noResults')));
      }
      page.items.forEach(function (m) {
        const c = chat.conversations.get(m.conversationId);
        const li = chat.el('li', 'chat-result');
        const button = chat.el('button', 'btn btn-light w-100 text-start');
        button.type = 'button';
        const top = chat.el('div', 'small text-body-secondary');
        top.textContent = (c ? chat.title(c) + ' · ' : '') + chat.authorName(m) + ' · ' + chat.fullTime(m.createdAt);
        button.appendChild(top);
        button.appendChild(chat.el('div', 'text-truncate', chat.excerpt(m)));
        button.addEventListener('click', function () {
          document.getElementById('chat-search-dialog').close();
          chat.reveal(m.conversationId, m.seq);
        });
        li.appendChild(button);
        results.appendChild(li);
      });
    }, chat.fail);
  }

  document.getElementById('chat-search-all').addEventListener('click', function () { openSearch('all'); });
  document.getElementById('chat-search-here').addEventListener('click', function () { openSearch('here'); });
  document.getElementById('chat-search-go').addEventListener('click', search);
  searchQ.addEventListener('keydown', function (event) {
    if (event.key === 'Enter') {
      event.preventDefault();
      search();
    }
  });

  if (chat.guest) {
    return;
  }

  // A new group: its kind, name, members and, with customers, contacts.
  const groupForm = document.getElementById('chat-group-form');
  const groupError = document.getElementById('chat-group-error');
  const contactsBox = document.getElementById('chat-group-contacts');
  const contactSearch = document.getElementById('chat-contact-search');
  const contactOptions = document.getElementById('chat-contact-options');
  const contactRows = document.getElementById('chat-group-contact-rows');

  function external() {
    return document.getElementById('chat-kind-external').checked;
  }

  document.getElementById('chat-new-group').addEventListener('click', function () {
    groupForm.reset();
    groupError.textContent = '';
    document.getElementById('chat-group-member-rows').replaceChildren();
    contactRows.replaceChildren();
    contactOptions.replaceChildren();
    contactsBox.hidden = true;
    chat.dialog('chat-group-dialog');
    document.getElementById('chat-group-name').focus();
  });

  groupForm.addEventListener('change', function (event) {
    if (event.target.name === 'kind') {
      contactsBox.hidden = !external();
    }
  });

  let contactTimer = null;
  contactSearch.addEventListener('input', function () {
    clearTimeout(contactTimer);
    contactTimer = setTimeout(function () {
      const q = contactSearch.value.trim();
      if (!q) {
        contactOptions.replaceChildren();
        return;
      }
      chat.api('GET', '/api/v1/contacts/suggest?q=' + encodeURIComponent(q)).then(function (answer) {
        contactOptions.replaceChildren();
        answer.items.forEach(function (contact) {
          const option = chat.el('li', 'list-group-item list-group-item-action chat-contact-option');
          option.setAttribute('role', 'button');
          option.tabIndex = 0;
          option.dataset.id = contact.id;
          option.textContent = contact.name + (contact.company ? ' · ' + contact.company : '');
          contactOptions.appendChild(option);
        });
        if (answer.items.length === 0) {
          contactOptions.appendChild(chat.el('li', 'list-group-item text-body-secondary', chat.t('noResults')));
        }
      }, chat.fail);
    }, 200);
  });

  function chooseContact(option) {
    if (!contactRows.querySelector('[data-contact-id="' + option.dataset.id + '"]')) {
      const row = chat.el('tr');
      row.dataset.contactId = option.dataset.id;
      row.appendChild(chat.el('td', null, option.textContent));
      const cell = chat.el('td', 'text-end');
      const remove = chat.el('button', 'btn btn-sm btn-link p-0', chat.t('remove'));
      remove.type = 'button';
      remove.dataset.removeRow = '';
      cell.appendChild(remove);
      row.appendChild(cell);
      contactRows.appendChild(row);
    }
    contactOptions.replaceChildren();
    contactSearch.value = '';
    contactSearch.focus();
  }

  contactOptions.addEventListener('click', function (event) {
    const option = event.target.closest('.chat-contact-option');
    if (option) {
      chooseContact(option);
    }
  });
  contactOptions.addEventListener('keydown', function (event) {
    const option = event.target.closest('.chat-contact-option');
    if (option && event.key === 'Enter') {
      event.preventDefault();
      chooseContact(option);
    }
  });

  function ids(selector, key) {
    return Array.from(document.querySelectorAll(selector)).map(function (row) { return row.dataset[key]; });
  }

  function started(conversation) {
    chat.remember(conversation);
    chat.renderList();
    return chat.open(conversation.id, true);
  }

  groupForm.addEventListener('submit', function (event) {
    event.preventDefault();
    const body = {
      kind: external() ? 'external' : 'internal',
      name: document.getElementById('chat-group-name').value.trim(),
      memberIds: ids('#chat-group-member-rows tr[data-member-id]', 'memberId')
    };
    if (external()) {
      body.contactIds = ids('#chat-group-contact-rows tr[data-contact-id]', 'contactId');
    }
    chat.api('POST', '/api/v1/conversations', body).then(function (conversation) {
      document.getElementById('chat-group-dialog').close();
      return started(conversation);
    }, function (error) {
      groupError.textContent = error.message;
    });
  });

  // A direct chat with one member; the pair's existing one opens if they have one.
  const directForm = document.getElementById('chat-direct-form');
  document.getElementById('chat-new-direct').addEventListener('click', function () {
    document.getElementById('chat-direct-error').textContent = '';
    chat.dialog('chat-direct-dialog');
  });
  directForm.addEventListener('submit', function (event) {
    event.preventDefault();
    const memberId = document.getElementById('chat-direct-member-value').value;
    if (!memberId) {
      document.getElementById('chat-direct-error').textContent = chat.t('chooseMember');
      return;
    }
    chat.api('POST', '/api/v1/conversations', { kind: 'direct', memberIds: [memberId] }).then(function (c) {
      document.getElementById('chat-direct-dialog').close();
      return started(c);
    }, function (error) {
      document.getElementById('chat-direct-error').textContent = error.message;
    });
  });
})();
