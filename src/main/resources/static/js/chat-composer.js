// The composer of the open conversation (chat.js): Enter sends, Shift+Enter starts a new line; files
// from the button, dropped or pasted are uploaded first and sent with the message; "@" offers the
// participants (and everyone, where allowed); replying quotes, editing replaces the own text; and the
// actions of each message (reply, edit, recall, copy).
(function () {
  'use strict';

  const chat = window.LiaisonChat;
  if (!chat) {
    return;
  }
  const input = document.getElementById('chat-input');
  const send = document.getElementById('chat-send');
  const fileInput = document.getElementById('chat-file');
  const uploads = document.getElementById('chat-uploads');
  const replyBox = document.getElementById('chat-reply');
  const replyText = document.getElementById('chat-reply-text');
  const mentionBox = document.getElementById('chat-mentions');
  const composer = document.getElementById('chat-composer');
  const messages = document.getElementById('chat-messages');

  // What the next send carries besides its text.
  const draft = { replyTo: null, editing: null, files: [], mentions: new Map(), pending: 0 };

  function reset() {
    input.value = '';
    draft.replyTo = null;
    draft.editing = null;
    draft.files = [];
    draft.mentions = new Map();
    uploads.replaceChildren();
    replyBox.hidden = true;
  }

  chat.hooks.opened.push(function () {
    reset();
    mentionBox.hidden = true;
  });

  function show(label) {
    replyText.textContent = label;
    replyBox.hidden = false;
    input.focus();
  }

  document.getElementById('chat-reply-cancel').addEventListener('click', function () {
    const wasEditing = draft.editing !== null;
    draft.replyTo = null;
    draft.editing = null;
    replyBox.hidden = true;
    if (wasEditing) {
      input.value = '';
    }
  });

  // The mentions a text still holds: only names still written after an "@".
  function mentionsOf(text) {
    const ids = [];
    draft.mentions.forEach(function (name, id) {
      if (text.indexOf('@' + name) >= 0) {
        ids.push(id);
      }
    });
    return ids;
  }

  function submit() {
    const text = input.value.trim();
    const id = chat.current;
    if (!id || draft.pending > 0 || (!text && draft.files.length === 0)) {
      return;
    }
    let request;
    if (draft.editing) {
      request = chat.api('PATCH', '/api/v1/conversations/' + id + '/messages/' + draft.editing,
        { text: text, mentions: mentionsOf(text) });
    } else {
      const body = { text: text, mentions: mentionsOf(text), fileIds: draft.files.map(function (f) { return f.id; }) };
      if (draft.replyTo) {
        body.replyTo = draft.replyTo;
      }
      request = chat.api('POST', '/api/v1/conversations/' + id + '/messages', body);
    }
    send.disabled = true;
    request.then(function (message) {
      reset();
      chat.apply(message);
    }, chat.fail).then(function () {
      send.disabled = false;
      input.focus();
    });
  }

  send.addEventListener('click', submit);

  // Files: uploaded at once, shown as chips until the message is sent.
  function upload(file) {
    const chip = chat.el('span', 'chat-upload badge text-bg-light border');
    chip.appendChild(chat.el('span', null, chat.t('uploading', file.name)));
    uploads.appendChild(chip);
    const form = new FormData();
    form.append('file', file, file.name);
    draft.pending++;
    chat.api('POST', '/api/v1/files', form).then(function (stored) {
      draft.files.push(stored);
      chip.replaceChildren(chat.el('span', null, stored.name + ' · ' + chat.size(stored.size)));
      chip.dataset.fileId = stored.id;
      const remove = chat.el('button', 'btn-close btn-close-sm ms-1');
      remove.type = 'button';
      remove.setAttribute('aria-label', chat.t('remove'));
      remove.addEventListener('click', function () {
        draft.files = draft.files.filter(function (f) { return f.id !== stored.id; });
        chip.remove();
      });
      chip.appendChild(remove);
    }, function (error) {
      chip.remove();
      chat.fail(error);
    }).then(function () {
      draft.pending--;
    });
  }

  document.getElementById('chat-attach').addEventListener('click', function () { fileInput.click(); });
  fileInput.addEventListener('change', function () {
    Array.from(fileInput.files).forEach(upload);
    fileInput.value = '';
  });
  input.addEventListener('paste', function (event) {
    const pasted = event.clipboardData ? Array.from(event.clipboardData.files) : [];
    if (pasted.length) {
      event.preventDefault();
      pasted.forEach(upload);
    }
  });
  const pane = document.getElementById('chat-open');
  pane.addEventListener('dragover', function (event) {
    if (!composer.hidden && event.dataTransfer && Array.from(event.dataTransfer.types).indexOf('Files') >= 0) {
      event.preventDefault();
      pane.classList.add('chat-dropping');
    }
  });
  pane.addEventListener('dragleave', function (event) {
    if (!pane.contains(event.relatedTarget)) {
      pane.classList.remove('chat-dropping');
    }
  });
  pane.addEventListener('drop', function (event) {
    pane.classList.remove('chat-dropping');
    if (!composer.hidden && event.dataTransfer && event.dataTransfer.files.length) {
      event.preventDefault();
      Array.from(event.dataTransfer.files).forEach(upload);
    }
  });

  // The mention picker: "@" and what follows it, matched against the participants' names.
  let choices = [];
  let chosen = 0;

  function mentionQuery() {
    const before = input.value.substring(0, input.selectionStart);
    const match = before.match(/(^|\s)@([^\s@]*)$/);
    return match ? match[2] : null;
  }

  function mayMentionAll() {
    const c = chat.conversations.get(chat.current);
    return c && c.kind !== 'direct' && (!chat.guest || (c.settings && c.settings.guestsMentionAll));
  }

  function renderMentions() {
    const q = mentionQuery();
    if (q === null) {
      mentionBox.hidden = true;
      return;
    }
    // the API mentions members (by id) and everyone
    const people = (chat.participants.get(chat.current) || []).filter(function (p) {
      return p.memberId && p.memberId !== chat.self.id
        && p.displayName.toLowerCase().indexOf(q.toLowerCase()) >= 0;
    }).map(function (p) { return { id: p.memberId, name: p.displayName }; });
    if (mayMentionAll() && (q === '' || chat.t('everyone').toLowerCase().indexOf(q.toLowerCase()) >= 0
        || 'all'.indexOf(q.toLowerCase()) === 0)) {
      people.unshift({ id: 'all', name: chat.t('everyone') });
    }
    choices = people.slice(0, 8);
    chosen = 0;
    mentionBox.replaceChildren();
    choices.forEach(function (choice, i) {
      const option = chat.el('div', 'chat-mention' + (i === chosen ? ' active' : ''), '@' + choice.name);
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', i === chosen ? 'true' : 'false');
      option.dataset.index = i;
      mentionBox.appendChild(option);
    });
    mentionBox.hidden = choices.length === 0;
  }

  function pick(i) {
    const choice = choices[i];
    if (!choice) {
      return;
    }
    const at = input.selectionStart;
    const before = input.value.substring(0, at).replace(/@([^\s@]*)$/, '@' + choice.name + ' ');
    input.value = before + input.value.substring(at);
    input.selectionStart = input.selectionEnd = before.length;
    draft.mentions.set(choice.id, choice.name);
    mentionBox.hidden = true;
    input.focus();
  }

  function highlight() {
    Array.from(mentionBox.children).forEach(function (option, i) {
      option.classList.toggle('active', i === chosen);
      option.setAttribute('aria-selected', i === chosen ? 'true' : 'false');
    });
  }

  mentionBox.addEventListener('mousedown', function (event) {
    const option = event.target.closest('.chat-mention');
    if (option) {
      event.preventDefault();
      pick(parseInt(option.dataset.index, 10));
    }
  });

  input.addEventListener('input', function () {
    renderMentions();
    if (chat.typing) {
      chat.typing();
    }
  });

  input.addEventListener('keydown', function (event) {
    if (!mentionBox.hidden && choices.length) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        chosen = (chosen + (event.key === 'ArrowDown' ? 1 : choices.length - 1)) % choices.length;
        highlight();
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        pick(chosen);
        return;
      }
      if (event.key === 'Escape') {
        mentionBox.hidden = true;
        return;
      }
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  });

  // The actions on a message.
  function find(id) {
    return (chat.messages.get(chat.current) || []).find(function (m) { return m.id === id; });
  }

  messages.addEventListener('click', function (event) {
    const button = event.target.closest('[data-action]');
    if (!button) {
      return;
    }
    const m = find(button.closest('.chat-message').dataset.id);
    if (!m) {
      return;
    }
    const action = button.dataset.action;
    if (action === 'reply') {
      draft.editing = null;
      draft.replyTo = m.id;
      show(chat.t('replyingTo', chat.authorName(m)) + ': ' + chat.excerpt(m));
    } else if (action === 'edit') {
      draft.replyTo = null;
      draft.editing = m.id;
      input.value = m.text || '';
      show(chat.t('editing'));
    } else if (action === 'copy') {
      navigator.clipboard.writeText(m.text || '').then(function () {
        chat.toast(chat.t('copied'), 'success');
      }, chat.fail);
    } else if (action === 'task') {
      // the task form reads the message, links the conversation and a guest's contact
      window.location.href = '/tasks/new?conversation=' + encodeURIComponent(m.conversationId)
        + '&message=' + encodeURIComponent(m.id);
    } else if (action === 'recall' && window.confirm(chat.t('confirmRecall'))) {
      chat.api('POST', '/api/v1/conversations/' + m.conversationId + '/messages/' + m.id + '/recall')
        .then(chat.apply, chat.fail);
    }
  });
})();
