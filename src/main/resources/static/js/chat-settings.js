// The group settings dialog (chat.js): name, announcement and the group's rules for its owner and
// admins (read-only for everyone else); the participants, with roles, muting, removal and handing
// over; adding members; inviting a customer group's contacts with a link to copy; leaving and
// dissolving. What the API refuses is said in a toast, in the viewer's language.
(function () {
  'use strict';

  const chat = window.LiaisonChat;
  if (!chat) {
    return;
  }
  const form = document.getElementById('chat-settings-form');
  const people = document.getElementById('chat-participants');
  const inviteBox = document.getElementById('chat-invite');
  const inviteSelect = document.getElementById('chat-invite-contact');
  const invitations = document.getElementById('chat-invitations');

  function current() {
    return chat.conversations.get(chat.current);
  }

  function base() {
    return '/api/v1/conversations/' + chat.current;
  }

  function reload() {
    return chat.refreshConversation(chat.current).then(fill);
  }

  function button(label, action, danger) {
    const b = chat.el('button', 'btn btn-sm ' + (danger ? 'btn-outline-danger' : 'btn-outline-secondary'), label);
    b.type = 'button';
    b.dataset.participantAction = action;
    return b;
  }

  function fillPeople(c) {
    const manages = c.role === 'owner' || c.role === 'admin';
    people.replaceChildren();
    (chat.participants.get(c.id) || []).forEach(function (p) {
      const id = chat.pid(p);
      const li = chat.el('li', 'chat-participant');
      li.dataset.id = id;
      li.dataset.kind = p.memberId ? 'member' : 'guest';
      const name = chat.el('span', 'chat-participant-name', p.displayName + (id === chat.self.id ? ' ' + chat.t('you') : ''));
      li.appendChild(name);
      if (p.role === 'owner' || p.role === 'admin') {
        li.appendChild(chat.el('span', 'badge text-bg-secondary', chat.t(p.role)));
      }
      if (!p.memberId) {
        li.appendChild(chat.el('span', 'badge text-bg-info', chat.t('guest')));
      }
      if (p.muted) {
        li.appendChild(chat.el('span', 'badge text-bg-warning', chat.t('muted')));
      }
      if (manages && !c.dissolvedAt && id !== chat.self.id && p.role !== 'owner') {
        const tools = chat.el('span', 'chat-participant-tools');
        if (c.role === 'owner' && p.memberId) {
          tools.appendChild(p.role === 'admin' ? button(chat.t('makeMember'), 'member') : button(chat.t('makeAdmin'), 'admin'));
          tools.appendChild(button(chat.t('transfer'), 'transfer'));
        }
        if (p.memberId) {
          tools.appendChild(button(p.muted ? chat.t('unmute') : chat.t('mute'), p.muted ? 'unmute' : 'mute'));
        }
        tools.appendChild(button(chat.t('remove'), 'remove', true));
        li.appendChild(tools);
      }
      people.appendChild(li);
    });
  }

  function fillInvitations(c) {
    invitations.replaceChildren();
    chat.api('GET', base() + '/invitations').then(function (page) {
      (page.items || []).forEach(function (invitation) {
        const li = chat.el('li', 'chat-invitation d-flex gap-2 align-items-center');
        const label = chat.el('span', 'flex-grow-1');
        const named = invitation.contactName ? Promise.resolve(invitation.contactName)
          : chat.contactName(invitation.contactId);
        named.then(function (name) {
          label.textContent = (name || '') + ' · ' + chat.t('expires', chat.fullTime(invitation.expiresAt));
        });
        li.appendChild(label);
        const revoke = chat.el('button', 'btn btn-sm btn-link p-0', chat.t('revoke'));
        revoke.type = 'button';
        revoke.addEventListener('click', function () {
          chat.api('DELETE', base() + '/invitations/' + invitation.id).then(function () { fillInvitations(c); }, chat.fail);
        });
        li.appendChild(revoke);
        invitations.appendChild(li);
      });
    }, function () {});
  }

  function fillInvite(c) {
    inviteBox.hidden = chat.guest || c.kind !== 'external' || Boolean(c.dissolvedAt);
    if (inviteBox.hidden) {
      return;
    }
    document.getElementById('chat-invitation-new').hidden = true;
    inviteSelect.replaceChildren();
    const placeholder = chat.el('option', null, chat.t('chooseContact'));
    placeholder.value = '';
    inviteSelect.appendChild(placeholder);
    (c.contactIds || []).forEach(function (id) {
      const option = chat.el('option', null, '…');
      option.value = id;
      inviteSelect.appendChild(option);
      chat.contactName(id).then(function (name) { option.textContent = name || id; });
    });
    fillInvitations(c);
  }

  // A group's open tasks, from the task pages; a direct chat has none to show.
  function fillTasks(c) {
    const box = document.getElementById('chat-tasks');
    if (!box) {
      return;
    }
    box.hidden = c.kind === 'direct';
    if (!box.hidden) {
      window.htmx.ajax('GET', '/tasks/of-conversation/' + encodeURIComponent(c.id), { target: box, swap: 'innerHTML' });
    }
  }

  function fill() {
    const c = current();
    if (!c) {
      return;
    }
    const manages = (c.role === 'owner' || c.role === 'admin') && !c.dissolvedAt && !chat.guest;
    document.getElementById('chat-settings-name').value = c.name || '';
    document.getElementById('chat-settings-announcement').value = c.announcement ? c.announcement.text : '';
    form.querySelectorAll('[data-setting]').forEach(function (box) {
      box.checked = Boolean(c.settings && c.settings[box.dataset.setting]);
    });
    form.querySelectorAll('input, textarea, button').forEach(function (element) { element.disabled = !manages; });
    document.getElementById('chat-settings-save').hidden = !manages;
    const adding = document.getElementById('chat-add-members');
    if (adding) {
      adding.hidden = !manages;
    }
    fillPeople(c);
    fillInvite(c);
    fillTasks(c);
    document.getElementById('chat-leave').hidden = Boolean(c.dissolvedAt) || c.role === 'owner';
    document.getElementById('chat-dissolve').hidden = Boolean(c.dissolvedAt) || c.role !== 'owner' || chat.guest;
  }

  document.getElementById('chat-settings-open').addEventListener('click', function () {
    if (!current()) {
      return;
    }
    fill();
    chat.dialog('chat-settings-dialog');
    chat.loadParticipants(chat.current).then(fill, function () {});
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    const settings = {};
    form.querySelectorAll('[data-setting]').forEach(function (box) { settings[box.dataset.setting] = box.checked; });
    const announcement = document.getElementById('chat-settings-announcement').value.trim();
    chat.api('PATCH', base(), {
      name: document.getElementById('chat-settings-name').value.trim(),
      announcement: announcement === '' ? null : announcement,
      settings: settings
    }).then(function (c) {
      chat.remember(c);
      chat.showHead(c);
      chat.renderList();
      chat.toast(chat.t('saved'), 'success');
      fill();
    }, chat.fail);
  });

  people.addEventListener('click', function (event) {
    const b = event.target.closest('[data-participant-action]');
    if (!b) {
      return;
    }
    const li = b.closest('.chat-participant');
    const id = li.dataset.id;
    const key = li.dataset.kind === 'guest' ? 'guestId' : 'memberId';
    const who = '?' + key + '=' + id;
    const name = li.querySelector('.chat-participant-name').textContent;
    let request = null;
    switch (b.dataset.participantAction) {
      case 'admin':
      case 'member':
        request = chat.api('PATCH', base() + '/participants' + who, { role: b.dataset.participantAction });
        break;
      case 'mute':
      case 'unmute':
        request = chat.api('PATCH', base() + '/participants' + who, { muted: b.dataset.participantAction === 'mute' });
        break;
      case 'transfer':
        if (window.confirm(chat.t('confirmTransfer', name))) {
          request = chat.api('POST', base() + '/transfer', { memberId: id });
        }
        break;
      case 'remove':
        if (window.confirm(chat.t('confirmRemove', name))) {
          request = chat.api('DELETE', base() + '/participants' + who);
        }
        break;
      default:
        break;
    }
    if (request) {
      request.then(reload, chat.fail);
    }
  });

  const addButton = document.getElementById('chat-add-members-go');
  if (addButton) {
    addButton.addEventListener('click', function () {
      const rows = document.getElementById('chat-add-member-rows');
      const memberIds = Array.from(rows.querySelectorAll('tr[data-member-id]')).map(function (r) {
        return r.dataset.memberId;
      });
      if (memberIds.length === 0) {
        return;
      }
      chat.api('POST', base() + '/participants', { memberIds: memberIds }).then(function () {
        rows.replaceChildren();
        return reload();
      }, chat.fail);
    });
  }

  document.getElementById('chat-invite-go').addEventListener('click', function () {
    const contactId = inviteSelect.value;
    if (!contactId) {
      chat.toast(chat.t('chooseContact'), 'warning');
      return;
    }
    chat.api('POST', base() + '/invitations', { contactId: contactId }).then(function (invitation) {
      document.getElementById('chat-invitation-new').hidden = false;
      document.getElementById('chat-invitation-url').value = invitation.url;
      document.getElementById('chat-invitation-emailed').textContent =
        invitation.emailed ? chat.t('emailed') : chat.t('notEmailed');
      fillInvitations(current());
    }, chat.fail);
  });

  document.getElementById('chat-invitation-copy').addEventListener('click', function () {
    const url = document.getElementById('chat-invitation-url');
    url.select();
    navigator.clipboard.writeText(url.value).then(function () {
      chat.toast(chat.t('copied'), 'success');
    }, function () {});
  });

  document.getElementById('chat-leave').addEventListener('click', function () {
    const id = chat.current;
    if (window.confirm(chat.t('confirmLeave'))) {
      chat.api('POST', base() + '/leave').then(function () {
        document.getElementById('chat-settings-dialog').close();
        chat.forget(id);
      }, chat.fail);
    }
  });

  document.getElementById('chat-dissolve').addEventListener('click', function () {
    if (window.confirm(chat.t('confirmDissolve'))) {
      chat.api('DELETE', base()).then(function () {
        document.getElementById('chat-settings-dialog').close();
        return reload();
      }, chat.fail);
    }
  });
})();
