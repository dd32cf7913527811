// The chat socket (protocol: io.liaison.chat.live): connects, resumes with the last seq held per
// conversation after every (re)connect, with a growing pause between attempts; answers pings, applies
// what arrives (messages, edits, recalls, read marks, typing, changed or left conversations) and
// sends typing (at most every few seconds) and read marks.
(function () {
  'use strict';

  const chat = window.LiaisonChat;
  if (!chat || !window.WebSocket) {
    return;
  }
  const typingLine = document.getElementById('chat-typing');
  let socket = null;
  let attempt = 0;
  let heartbeat = 25;
  let silence = null;
  let offline = null;
  const typists = new Map();

  function since() {
    const held = {};
    chat.conversations.forEach(function (c, id) {
      const loaded = chat.messages.get(id);
      const last = loaded && loaded.length ? loaded[loaded.length - 1].seq : c.lastSeq || 0;
      held[id] = Math.max(last, 0);
    });
    return held;
  }

  function sendFrame(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(frame));
      return true;
    }
    return false;
  }

  // Nothing heard for two heartbeats: the connection is gone even if the browser has not noticed.
  function listen() {
    clearTimeout(silence);
    silence = setTimeout(function () {
      if (socket) {
        socket.close();
      }
    }, heartbeat * 2000);
  }

  function url() {
    const path = chat.root.dataset.socket;
    return (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + path;
  }

  function connect() {
    socket = new WebSocket(url());
    socket.addEventListener('open', function () {
      attempt = 0;
      clearTimeout(offline);
      offline = null;
      chat.root.classList.remove('chat-offline');
      sendFrame({ type: 'resume', since: since() });
      listen();
    });
    socket.addEventListener('message', function (event) {
      listen();
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      receive(frame);
    });
    socket.addEventListener('close', function () {
      clearTimeout(silence);
      socket = null;
      attempt++;
      // Say so only when it lasts: a reconnect after a deploy is usually quick.
      if (!offline) {
        offline = setTimeout(function () {
          chat.root.classList.add('chat-offline');
          chat.toast(chat.t('offline'), 'warning');
        }, 4000);
      }
      setTimeout(connect, Math.min(30000, 500 * Math.pow(2, Math.min(attempt, 6))) + Math.random() * 500);
    });
  }

  function conversationOf(frame) {
    return chat.conversations.get(frame.conversationId);
  }

  function receive(frame) {
    switch (frame.type) {
      case 'hello':
        heartbeat = frame.heartbeatSeconds || heartbeat;
        listen();
        break;
      case 'ping':
        sendFrame({ type: 'pong' });
        break;
      case 'message':
      case 'edited':
      case 'recalled':
        if (!conversationOf(frame)) {
          chat.refreshConversation(frame.conversationId).catch(function () {});
          return;
        }
        if (frame.message) {
          stopTyping(frame.conversationId, frame.message.authorId);
          chat.apply(frame.message);
        }
        break;
      case 'read':
        read(frame);
        break;
      case 'typing':
        typing(frame);
        break;
      case 'conversation':
        chat.refreshConversation(frame.conversationId).catch(function () {});
        break;
      case 'removed':
        chat.forget(frame.conversationId);
        break;
      case 'resumed':
        (frame.reload || []).forEach(function (id) {
          chat.messages.delete(id);
          if (chat.current === id) {
            chat.open(id, false);
          }
        });
        break;
      default:
        break;
    }
  }

  function read(frame) {
    const c = conversationOf(frame);
    if (!c) {
      return;
    }
    if (frame.participantId === chat.self.id) {
      if (frame.seq > (c.readSeq || 0)) {
        c.readSeq = frame.seq;
        chat.renderList();
      }
      return;
    }
    const p = chat.participant(c.id, frame.participantId);
    if (p && frame.seq > (p.readSeq || 0)) {
      p.readSeq = frame.seq;
    }
  }

  // "Someone is typing…", for a few seconds after their last keystroke.
  function showTyping() {
    const names = [];
    typists.forEach(function (entry, key) {
      if (key.indexOf(chat.current + '/') === 0) {
        names.push(entry.name);
      }
    });
    typingLine.textContent = names.length ? chat.t('typing', names.join(', ')) : '';
  }

  function stopTyping(conversationId, participantId) {
    const key = conversationId + '/' + participantId;
    const entry = typists.get(key);
    if (entry) {
      clearTimeout(entry.timer);
      typists.delete(key);
      showTyping();
    }
  }

  function typing(frame) {
    if (frame.participantId === chat.self.id) {
      return;
    }
    const key = frame.conversationId + '/' + frame.participantId;
    const previous = typists.get(key);
    if (previous) {
      clearTimeout(previous.timer);
    }
    typists.set(key, {
      name: frame.name,
      timer: setTimeout(function () { stopTyping(frame.conversationId, frame.participantId); }, 5000)
    });
    showTyping();
  }

  chat.hooks.opened.push(showTyping);

  chat.sendRead = function (conversationId, seq) {
    return sendFrame({ type: 'read', conversationId: conversationId, seq: seq });
  };

  let lastTyping = 0;
  chat.typing = function () {
    if (chat.current && Date.now() - lastTyping > 3000) {
      lastTyping = Date.now();
      sendFrame({ type: 'typing', conversationId: chat.current });
    }
  };

  document.addEventListener('DOMContentLoaded', function () {
    // The list first, so that the resume names every conversation with what the page holds.
    const start = setInterval(function () {
      if (chat.ready) {
        clearInterval(start);
        connect();
      }
    }, 50);
  });
})();
