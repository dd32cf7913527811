// A push's page (templates/push/push.html): its cancel and approve buttons call the API with the page's
// session, then the page is read again. The counts refresh themselves over htmx while it sends.
(function () {
  'use strict';

  const page = document.getElementById('push-page');
  if (!page) {
    return;
  }
  const texts = JSON.parse(page.dataset.texts);
  const id = page.dataset.push;

  function meta(name) {
    const element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

  function toast(message) {
    const box = document.createElement('div');
    box.className = 'toast show align-items-center border-0 text-bg-danger';
    box.setAttribute('role', 'alert');
    const body = document.createElement('div');
    body.className = 'toast-body';
    body.textContent = message;
    box.appendChild(body);
    document.getElementById('toasts').appendChild(box);
    setTimeout(function () { box.remove(); }, 6000);
  }

  function post(action) {
    const headers = { Accept: 'application/json' };
    const header = meta('_csrf_header');
    if (header) {
      headers[header] = meta('_csrf');
    }
    fetch('/api/v1/pushes/' + id + '/' + action, { method: 'POST', headers: headers, credentials: 'same-origin' })
      .then(function (response) {
        if (response.ok) {
          window.location.reload();
          return null;
        }
        return response.json().catch(function () { return {}; }).then(function (problem) {
          toast(problem.detail || problem.title || texts.failed);
        });
      }, function () {
        toast(texts.failed);
      });
  }

  // The buttons are inside the part htmx replaces, so the clicks are heard on the page.
  page.addEventListener('click', function (event) {
    if (event.target.closest('#push-cancel')) {
      if (window.confirm(texts.confirmCancel)) {
        post('cancel');
      }
    } else if (event.target.closest('#push-approve')) {
      post('approve');
    }
  });
})();
