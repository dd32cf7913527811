// The chat (templates/chat/chat.html): the conversation list and the open conversation, drawn from the
// conversations API and kept current by chat-live.js. Every text comes from the page (data-texts);
// times are shown in the viewer's zone (data-zone). chat-composer.js, chat-live.js and
// chat-dialogs.js add to the shared LiaisonChat object.
(function () {
  'use strict';

  const root = document.getElementById('chat');
  if (!root) {
    return;
  }
  const d = root.dataset;
  const texts = JSON.parse(d.texts);
  const chat = {
    root: root,
    base: d.base,
    self: { id: d.selfId, kind: d.selfKind, name: d.selfName },
    guest: d.guest === 'true',
    zone: d.zone,
    language: d.language,
    recallSeconds: parseInt(d.recallSeconds, 10) || 0,
    conversations: new Map(),
    messages: new Map(),
    participants: new Map(),
    current: null,
    hooks: { opened: [] }
  };
  window.LiaisonChat = chat;

  function meta(name) {
    const element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

  // A text of the page, its {0}, {1}… filled in order.
  chat.t = function (key) {
    const args = Array.prototype.slice.call(arguments, 1);
    return (texts[key] || '').replace(/\{(\d+)\}/g, function (all, i) {
      return args[i] === undefined ? all : String(args[i]);
    });
  };

  chat.el = function (tag, className, text) {
    const element = document.createElement(tag);
    if (className) {
      element.className = className;
    }
    if (text !== undefined && text !== null) {
      element.textContent = text;
    }
    return element;
  };

  chat.toast = function (message, kind) {
    const box = chat.el('div', 'toast show align-items-center border-0 text-bg-' + (kind || 'danger'));
    box.setAttribute('role', 'alert');
    box.appendChild(chat.el('div', 'toast-body', message));
    document.getElementById('chat-toasts').appendChild(box);
    setTimeout(function () { box.remove(); }, 6000);
  };

  // The API with the page's session: the CSRF header is what lets a member's session call it.
  chat.api = function (method, path, body) {
    const headers = { Accept: 'application/json' };
    const header = meta('_csrf_header');
    if (header) {
      headers[header] = meta('_csrf');
    }
    const init = { method: method, headers: headers, credentials: 'same-origin' };
    if (body instanceof FormData) {
      init.body = body;
    } else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (response) {
      if (response.status === 204) {
        return null;
      }
      return response.json().catch(function () { return null; }).then(function (json) {
        if (!response.ok) {
          const error = new Error((json && (json.detail || json.title)) || chat.t('failed'));
          error.status = response.status;
          error.problem = json;
          throw error;
        }
        return json;
      });
    });
  };

  chat.fail = function (error) {
    chat.toast(error && error.message ? error.message : chat.t('failed'));
  };

  // Times in the viewer's zone and language.
  function format(options) {
    return new Intl.DateTimeFormat(chat.language, Object.assign({ timeZone: chat.zone }, options));
  }
  const dayKey = format({ year: 'numeric', month: '2-digit', day: '2-digit' });
  const timeOnly = format({ hour: '2-digit', minute: '2-digit', hour12: false });
  const dayLong = format({ year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' });
  const dayShort = format({ month: 'numeric', day: 'numeric' });
  const full = format({ year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

  chat.day = function (iso) {
    return dayKey.format(new Date(iso));
  };
  chat.dayLabel = function (iso) {
    const key = chat.day(iso);
    if (key === chat.day(new Date().toISOString())) {
      return chat.t('today');
    }
    if (key === chat.day(new Date(Date.now() - 86400000).toISOString())) {
      return chat.t('yesterday');
    }
    return dayLong.format(new Date(iso));
  };
  chat.time = function (iso) {
    return timeOnly.format(new Date(iso));
  };
  chat.fullTime = function (iso) {
    return full.format(new Date(iso));
  };
  // The list's time: the hour today, the day otherwise.
  chat.listTime = function (iso) {
    return chat.day(iso) === chat.day(new Date().toISOString()) ? chat.time(iso) : dayShort.format(new Date(iso));
  };

  // Participants: members and guests, by their id.
  chat.pid = function (p) {
    return p.memberId || p.guestId || p.id;
  };
  chat.loadParticipants = function (id) {
    return chat.api('GET', '/api/v1/conversations/' + id + '/participants').then(function (page) {
      chat.participants.set(id, page.items);
      return page.items;
    });
  };
  chat.participant = function (conversationId, id) {
    const list = chat.participants.get(conversationId) || [];
    return list.find(function (p) { return chat.pid(p) === id; }) || null;
  };
  chat.authorName = function (message) {
    if (message.authorName) {
      return message.authorName;
    }
    if (message.authorId === chat.self.id) {
      return chat.self.name;
    }
    const p = chat.participant(message.conversationId, message.authorId);
    return p ? p.displayName : chat.t('former');
  };

  chat.title = function (c) {
    if (c.name) {
      return c.name;
    }
    const others = (chat.participants.get(c.id) || []).filter(function (p) { return chat.pid(p) !== chat.self.id; });
    return others.length ? others[0].displayName : chat.t('direct');
  };

  // What a message says in one line: its text, or that it is a picture or a file, or recalled.
  chat.excerpt = function (m) {
    if (!m) {
      return '';
    }
    if (m.recalledAt) {
      return chat.t('recalled');
    }
    // the Markdown's emphasis marks say nothing in one line
    const text = (m.text || '').replace(/[*_~`#>]+/g, '').replace(/\s+/g, ' ').trim();
    if (text) {
      return text.length > 60 ? text.substring(0, 60) + '…' : text;
    }
    return m.fileIds && m.fileIds.length ? chat.t('file') : '';
  };

  // The conversation list, latest activity first, filtered by what is typed in the search box.
  const list = document.getElementById('chat-list');
  const filter = document.getElementById('chat-filter');

  function activity(c) {
    return (c.lastMessage && c.lastMessage.createdAt) || c.lastMessageAt || c.createdAt;
  }

  chat.renderList = function () {
    const q = filter.value.trim().toLowerCase();
    const items = Array.from(chat.conversations.values())
      .filter(function (c) { return !d.contact || (c.contactIds || []).indexOf(d.contact) >= 0; })
      .sort(function (a, b) { return activity(b) < activity(a) ? -1 : activity(b) > activity(a) ? 1 : 0; });
    list.replaceChildren();
    let shown = 0;
    items.forEach(function (c) {
      const title = chat.title(c);
      if (q && title.toLowerCase().indexOf(q) < 0 && chat.excerpt(c.lastMessage).toLowerCase().indexOf(q) < 0) {
        return;
      }
      shown++;
      const li = chat.el('li', 'chat-item' + (c.id === chat.current ? ' active' : ''));
      li.dataset.id = c.id;
      const a = chat.el('a', 'chat-item-link');
      a.href = chat.base + '/' + c.id;
      if (c.id === chat.current) {
        a.setAttribute('aria-current', 'page');
      }
      const avatar = chat.el('span', 'chat-avatar chat-avatar-' + c.kind, title.substring(0, 1));
      const body = chat.el('span', 'chat-item-body');
      const top = chat.el('span', 'chat-item-top');
      top.appendChild(chat.el('span', 'chat-item-name', title));
      const at = activity(c);
      top.appendChild(chat.el('span', 'chat-item-time', at ? chat.listTime(at) : ''));
      const bottom = chat.el('span', 'chat-item-bottom');
      bottom.appendChild(chat.el('span', 'chat-item-excerpt', chat.excerpt(c.lastMessage)));
      const unread = Math.max(0, (c.lastSeq || 0) - (c.readSeq || 0));
      if (unread > 0) {
        bottom.appendChild(chat.el('span', 'badge rounded-pill text-bg-danger chat-unread', unread > 99 ? '99+' : unread));
      }
      body.appendChild(top);
      body.appendChild(bottom);
      a.appendChild(avatar);
      a.appendChild(body);
      li.appendChild(a);
      list.appendChild(li);
    });
    document.getElementById('chat-list-empty').hidden = shown > 0;
    chat.renderBadge();
  };
  filter.addEventListener('input', chat.renderList);

  // The navigation's badge: what is unread in all conversations.
  chat.renderBadge = function () {
    let total = 0;
    chat.conversations.forEach(function (c) { total += Math.max(0, (c.lastSeq || 0) - (c.readSeq || 0)); });
    document.querySelectorAll('[data-nav-badge]').forEach(function (badge) {
      badge.textContent = total === 0 ? '' : total > 99 ? '99+' : String(total);
      badge.classList.toggle('d-none', total === 0);
    });
  };

  chat.remember = function (c) {
    chat.conversations.set(c.id, c);
    if (!c.name && !chat.participants.has(c.id)) {
      chat.loadParticipants(c.id).then(chat.renderList, function () {});
    }
  };

  chat.loadList = function () {
    function page(cursor, left) {
      const query = '?limit=100' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : '');
      return chat.api('GET', '/api/v1/conversations' + query).then(function (answer) {
        answer.items.forEach(chat.remember);
        if (answer.nextCursor && left > 1) {
          return page(answer.nextCursor, left - 1);
        }
        return null;
      });
    }
    return page(null, 10).then(chat.renderList);
  };

  chat.refreshConversation = function (id) {
    return chat.api('GET', '/api/v1/conversations/' + id).then(function (c) {
      chat.remember(c);
      chat.renderList();
      if (chat.current === id) {
        return chat.loadParticipants(id).then(function () { chat.showHead(c); });
      }
      return null;
    });
  };

  chat.forget = function (id) {
    chat.conversations.delete(id);
    chat.messages.delete(id);
    if (chat.current === id) {
      chat.close();
    }
    chat.renderList();
  };

  // Opening and closing a conversation; on a phone the list and the pane take turns.
  const pane = document.getElementById('chat-open');
  const placeholder = document.getElementById('chat-placeholder');

  chat.close = function () {
    chat.current = null;
    pane.hidden = true;
    placeholder.hidden = false;
    root.classList.remove('chat-showing');
    history.replaceState(null, '', chat.base);
    chat.renderList();
  };

  chat.open = function (id, push) {
    const c = chat.conversations.get(id);
    if (!c) {
      return Promise.resolve();
    }
    chat.current = id;
    if (push) {
      history.pushState({ id: id }, '', chat.base + '/' + id);
    }
    placeholder.hidden = true;
    pane.hidden = false;
    root.classList.add('chat-showing');
    chat.renderList();
    const people = chat.loadParticipants(id).catch(function () { return []; });
    const loaded = chat.messages.has(id)
      ? Promise.resolve()
      : chat.api('GET', '/api/v1/conversations/' + id + '/messages?limit=50').then(function (page) {
        const items = page.items.slice().reverse();
        items.more = page.nextCursor;
        chat.messages.set(id, items);
      });
    return Promise.all([people, loaded]).then(function () {
      if (chat.current !== id) {
        return;
      }
      chat.showHead(c);
      chat.renderMessages(true);
      chat.hooks.opened.forEach(function (hook) { hook(c); });
    }, chat.fail);
  };

  list.addEventListener('click', function (event) {
    const link = event.target.closest('.chat-item-link');
    if (link && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      chat.open(link.closest('.chat-item').dataset.id, true);
    }
  });
  document.getElementById('chat-back').addEventListener('click', chat.close);
  window.addEventListener('popstate', function () {
    const match = location.pathname.match(/\/chats\/([0-9a-f-]{36})$/);
    if (match) {
      chat.open(match[1], false);
    } else {
      chat.close();
    }
  });

  document.addEventListener('DOMContentLoaded', function () {
    chat.loadList().then(function () {
      if (d.selected) {
        chat.open(d.selected, false);
      }
      chat.ready = true;
      root.dataset.ready = 'true';
    }, chat.fail);
  });
})();
