// The bell's unread count, live: the server sends "unread" events on a member's stream whenever the
// count changes on any node; EventSource reconnects by itself after a drop or the stream's timeout.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var bell = document.getElementById("bell-count");
    if (!bell || !window.EventSource) {
      return;
    }
    var source = new EventSource(bell.getAttribute("data-stream"));
    source.addEventListener("unread", function (event) {
      var count = parseInt(event.data, 10) || 0;
      bell.textContent = count > 99 ? "99+" : String(count);
      bell.classList.toggle("d-none", count === 0);
    });
  });
})();
