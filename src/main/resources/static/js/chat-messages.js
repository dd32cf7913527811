// The open conversation's messages (chat.js): day separators in the viewer's zone, authors, the API's
// sanitised HTML, quotes of replies, images as thumbnails and files as links, "recalled" and "edited"
// marks, each message's actions; older pages on scrolling up; the read mark as messages are seen.
(function () {
  'use strict';

  const chat = window.LiaisonChat;
  if (!chat) {
    return;
  }
  const box = document.getElementById('chat-messages');
  const files = new Map();
  // Whether the view follows the newest message: pictures and file names arrive after the text does.
  let stick = true;

  function settle() {
    if (stick) {
      box.scrollTop = box.scrollHeight;
    }
  }

  // What a file is (name, size, picture or not), from its download's headers.
  function fileInfo(id) {
    if (!files.has(id)) {
      files.set(id, fetch('/api/v1/files/' + id, { method: 'HEAD', credentials: 'same-origin' }).then(function (r) {
        if (!r.ok) {
          return { id: id, name: chat.t('file'), size: null, image: false, denied: true };
        }
        const disposition = r.headers.get('Content-Disposition') || '';
        const star = disposition.match(/filename\*=UTF-8''([^;]+)/i);
        const plain = disposition.match(/filename="([^"]*)"/i);
        const name = star ? decodeURIComponent(star[1]) : plain ? plain[1] : chat.t('file');
        const type = r.headers.get('Content-Type') || '';
        return {
          id: id,
          name: name,
          size: parseInt(r.headers.get('Content-Length'), 10),
          image: /^image\//.test(type) && /inline/i.test(disposition)
        };
      }));
    }
    return files.get(id);
  }

  chat.size = function (bytes) {
    if (!(bytes >= 0)) {
      return '';
    }
    const units = ['B', 'KB', 'MB', 'GB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return (unit === 0 ? value : value.toFixed(1)) + ' ' + units[unit];
  };

  function attachment(id) {
    const holder = chat.el('div', 'chat-file');
    holder.dataset.fileId = id;
    fileInfo(id).then(function (info) {
      if (info.image) {
        const link = chat.el('a', 'chat-thumb');
        link.href = '/api/v1/files/' + id;
        link.target = '_blank';
        link.rel = 'noopener';
        const img = chat.el('img');
        img.src = '/api/v1/files/' + id + '/thumbnail';
        img.alt = info.name;
        img.addEventListener('load', settle);
        link.appendChild(img);
        holder.appendChild(link);
        settle();
        return;
      }
      const icon = chat.el('i', 'bi bi-file-earmark');
      icon.setAttribute('aria-hidden', 'true');
      holder.appendChild(icon);
      if (info.denied) {
        holder.appendChild(chat.el('span', 'chat-file-name', info.name));
        return;
      }
      const link = chat.el('a', 'chat-file-name', info.name);
      link.href = '/api/v1/files/' + id;
      link.setAttribute('download', info.name);
      link.title = chat.t('download');
      holder.appendChild(link);
      holder.appendChild(chat.el('span', 'chat-file-size', chat.size(info.size)));
      settle();
    });
    return holder;
  }

  function quote(m, loaded) {
    let author;
    let excerpt;
    if (m.quote) {
      author = m.quote.authorName;
      excerpt = m.quote.recalled ? chat.t('recalled') : m.quote.excerpt || m.quote.text || '';
    } else {
      const original = loaded.find(function (o) { return o.id === m.replyTo; });
      if (!original) {
        return null;
      }
      author = chat.authorName(original);
      excerpt = chat.excerpt(original);
    }
    const q = chat.el('blockquote', 'chat-quote');
    q.appendChild(chat.el('span', 'chat-quote-author', author || ''));
    q.appendChild(chat.el('span', 'chat-quote-text', excerpt));
    if (m.quote && m.quote.seq) {
      q.dataset.seq = m.quote.seq;
    } else {
      q.dataset.replyTo = m.replyTo;
    }
    return q;
  }

  function actions(m) {
    const bar = chat.el('div', 'chat-actions');
    function action(name, icon) {
      const button = chat.el('button', 'btn btn-sm btn-light');
      button.type = 'button';
      button.dataset.action = name;
      button.title = chat.t(name);
      button.setAttribute('aria-label', chat.t(name));
      const i = chat.el('i', 'bi bi-' + icon);
      i.setAttribute('aria-hidden', 'true');
      button.appendChild(i);
      bar.appendChild(button);
    }
    const c = chat.conversations.get(m.conversationId);
    const open = c && !c.dissolvedAt;
    if (open) {
      action('reply', 'reply');
    }
    if (m.text) {
      action('copy', 'clipboard');
    }
    if (m.text && !chat.guest) {
      action('task', 'check2-square');
    }
    if (open && m.authorId === chat.self.id) {
      if (m.text !== null) {
        action('edit', 'pencil');
      }
      if (Date.now() - new Date(m.createdAt).getTime() < chat.recallSeconds * 1000) {
        action('recall', 'arrow-counterclockwise');
      }
    }
    return bar;
  }

  chat.messageElement = function (m, loaded) {
    const own = m.authorId === chat.self.id;
    const item = chat.el('div', 'chat-message' + (own ? ' own' : '') + (m.recalledAt ? ' recalled' : ''));
    item.id = 'message-' + m.id;
    item.dataset.id = m.id;
    item.dataset.seq = m.seq;
    if (m.recalledAt) {
      item.appendChild(chat.el('div', 'chat-recalled', chat.t('recalled')));
      return item;
    }
    const head = chat.el('div', 'chat-message-head');
    head.appendChild(chat.el('span', 'chat-author', chat.authorName(m)));
    const time = chat.el('time', 'chat-time', chat.time(m.createdAt));
    time.dateTime = m.createdAt;
    time.title = chat.fullTime(m.createdAt);
    head.appendChild(time);
    if (m.editedAt) {
      head.appendChild(chat.el('span', 'chat-edited', chat.t('edited')));
    }
    item.appendChild(head);
    const bubble = chat.el('div', 'chat-bubble');
    if (m.replyTo) {
      const q = quote(m, loaded);
      if (q) {
        bubble.appendChild(q);
      }
    }
    if (m.html) {
      const body = chat.el('div', 'chat-text');
      // the API's html is rendered from Markdown and sanitised on the server
      body.innerHTML = m.html;
      body.querySelectorAll('a').forEach(function (a) {
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
      });
      bubble.appendChild(body);
    }
    (m.fileIds || []).forEach(function (id) { bubble.appendChild(attachment(id)); });
    item.appendChild(bubble);
    item.appendChild(actions(m));
    return item;
  };

  // Draws the open conversation's messages; keeps the view at the bottom when it was there.
  chat.renderMessages = function (toBottom) {
    const loaded = chat.messages.get(chat.current) || [];
    const nearBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 80;
    const previousHeight = box.scrollHeight;
    const previousTop = box.scrollTop;
    box.replaceChildren();
    if (loaded.length === 0) {
      box.appendChild(chat.el('p', 'chat-none text-body-secondary small', chat.t('noMessages')));
    }
    let day = null;
    loaded.forEach(function (m) {
      const key = chat.day(m.createdAt);
      if (key !== day) {
        day = key;
        const separator = chat.el('div', 'chat-day');
        separator.setAttribute('role', 'separator');
        separator.appendChild(chat.el('span', null, chat.dayLabel(m.createdAt)));
        box.appendChild(separator);
      }
      box.appendChild(chat.messageElement(m, loaded));
    });
    if (toBottom === true || (toBottom !== 'keep' && nearBottom)) {
      box.scrollTop = box.scrollHeight;
      stick = true;
    } else if (toBottom === 'keep') {
      box.scrollTop = previousTop + (box.scrollHeight - previousHeight);
    }
    chat.markRead();
  };

  // A message arrives or changes (from the socket or the API's answer): kept in seq order, once.
  chat.apply = function (m) {
    const c = chat.conversations.get(m.conversationId);
    const loaded = chat.messages.get(m.conversationId);
    if (loaded) {
      const at = loaded.findIndex(function (o) { return o.id === m.id; });
      if (at >= 0) {
        loaded[at] = m;
      } else {
        loaded.push(m);
        loaded.sort(function (a, b) { return a.seq - b.seq; });
      }
    }
    if (c) {
      if (m.seq >= (c.lastSeq || 0)) {
        c.lastSeq = m.seq;
        c.lastMessage = m;
        c.lastMessageAt = m.createdAt;
      } else if (c.lastMessage && c.lastMessage.id === m.id) {
        c.lastMessage = m;
      }
      if (m.authorId === chat.self.id && m.seq > (c.readSeq || 0)) {
        c.readSeq = m.seq;
      }
    }
    if (m.conversationId === chat.current) {
      chat.renderMessages(m.authorId === chat.self.id ? true : undefined);
    }
    chat.renderList();
  };

  // The read mark: posted when the newest message is in view of a visible page.
  let reading = null;
  chat.markRead = function () {
    const c = chat.conversations.get(chat.current);
    if (!c || document.hidden || (c.readSeq || 0) >= (c.lastSeq || 0)) {
      return;
    }
    if (box.scrollHeight - box.scrollTop - box.clientHeight > 40) {
      return;
    }
    clearTimeout(reading);
    reading = setTimeout(function () {
      const seq = c.lastSeq;
      if ((c.readSeq || 0) >= seq) {
        return;
      }
      c.readSeq = seq;
      chat.renderList();
      if (!(chat.sendRead && chat.sendRead(c.id, seq))) {
        chat.api('POST', '/api/v1/conversations/' + c.id + '/read', { seq: seq }).catch(function () {});
      }
    }, 300);
  };
  document.addEventListener('visibilitychange', chat.markRead);

  // Older messages when scrolled to the top.
  let loadingOlder = false;
  box.addEventListener('scroll', function () {
    stick = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
    chat.markRead();
    const loaded = chat.messages.get(chat.current);
    if (box.scrollTop > 40 || loadingOlder || !loaded || !loaded.more) {
      return;
    }
    loadingOlder = true;
    const id = chat.current;
    chat.api('GET', '/api/v1/conversations/' + id + '/messages?limit=50&cursor=' + encodeURIComponent(loaded.more))
      .then(function (page) {
        const older = page.items.slice().reverse().filter(function (m) {
          return !loaded.some(function (o) { return o.id === m.id; });
        });
        loaded.unshift.apply(loaded, older);
        loaded.more = page.nextCursor;
        if (chat.current === id) {
          chat.renderMessages('keep');
        }
      }, chat.fail)
      .then(function () { loadingOlder = false; });
  });

  // Jumps to a message, loading pages back until it is there.
  chat.reveal = function (conversationId, seq) {
    function look() {
      const element = box.querySelector('[data-seq="' + seq + '"].chat-message');
      const loaded = chat.messages.get(conversationId) || [];
      if (element) {
        stick = false;
        element.scrollIntoView({ block: 'center' });
        element.classList.add('chat-found');
        setTimeout(function () { element.classList.remove('chat-found'); }, 2500);
        return null;
      }
      if (!loaded.more) {
        return null;
      }
      return chat.api('GET', '/api/v1/conversations/' + conversationId + '/messages?limit=50&cursor='
        + encodeURIComponent(loaded.more)).then(function (page) {
        loaded.unshift.apply(loaded, page.items.slice().reverse());
        loaded.more = page.nextCursor;
        chat.renderMessages('keep');
        return look();
      });
    }
    const opening = chat.current === conversationId ? Promise.resolve() : chat.open(conversationId, true);
    return opening.then(look).catch(chat.fail);
  };

  box.addEventListener('click', function (event) {
    const q = event.target.closest('.chat-quote');
    if (q && q.dataset.seq) {
      chat.reveal(chat.current, q.dataset.seq);
    }
  });
})();
