// The open conversation's head (chat.js): its name, participants or that it was dissolved, a
// customer group's contacts as links to their pages (for members), the announcement banner, and why
// the composer is closed when it is (dissolved, muted, only admins post).
(function () {
  'use strict';

  const chat = window.LiaisonChat;
  if (!chat) {
    return;
  }

  chat.showHead = function (c) {
    document.getElementById('chat-name').textContent = chat.title(c);
    const people = chat.participants.get(c.id) || [];
    const subtitle = c.dissolvedAt
      ? chat.t('dissolved')
      : c.kind === 'direct' ? '' : chat.t('participants', people.length);
    document.getElementById('chat-subtitle').textContent = subtitle;
    const banner = document.getElementById('chat-announcement');
    banner.hidden = !c.announcement;
    if (c.announcement) {
      document.getElementById('chat-announcement-text').textContent = c.announcement.text;
      const by = chat.participant(c.id, c.announcement.setBy);
      document.getElementById('chat-announcement-by').textContent =
        chat.t('announcementBy', by ? by.displayName : chat.t('former'), chat.fullTime(c.announcement.setAt));
    }
    document.getElementById('chat-settings-open').hidden = c.kind === 'direct';
    showContacts(c);
    const me = chat.participant(c.id, chat.self.id);
    const manages = c.role === 'owner' || c.role === 'admin';
    let closed = '';
    if (c.dissolvedAt) {
      closed = chat.t('dissolvedNote');
    } else if (c.muted || (me && me.muted)) {
      closed = chat.t('mutedNote');
    } else if (c.settings && c.settings.adminsOnlyPost && !manages) {
      closed = chat.t('adminsOnlyNote');
    }
    document.getElementById('chat-composer').hidden = closed !== '';
    const note = document.getElementById('chat-closed');
    note.hidden = closed === '';
    note.textContent = closed;
  };

  // A customer group's contacts, each a link to the contact's page (members only).
  const contactNames = new Map();
  chat.contactName = function (id) {
    if (!contactNames.has(id)) {
      contactNames.set(id, chat.api('GET', '/api/v1/contacts/' + id).then(function (contact) {
        return contact.name;
      }, function () { return null; }));
    }
    return contactNames.get(id);
  };

  function showContacts(c) {
    const holder = document.getElementById('chat-contacts');
    if (!holder) {
      return;
    }
    const ids = (c.contactIds || []).slice(0, 5);
    holder.hidden = ids.length === 0;
    const links = document.getElementById('chat-contact-links');
    links.replaceChildren();
    ids.forEach(function (id, i) {
      const a = chat.el('a', null, '…');
      a.href = '/contacts/' + id;
      if (i > 0) {
        links.appendChild(document.createTextNode('、'));
      }
      links.appendChild(a);
      chat.contactName(id).then(function (name) {
        if (name) {
          a.textContent = name;
        } else {
          a.remove();
        }
      });
    });
  }
})();
