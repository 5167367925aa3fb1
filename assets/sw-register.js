// Registers the service worker that keeps Deskaid working offline, and offers
// a reload when a new version has been deployed. The worker only exists in
// release builds (scripts/finish-dist.mjs writes it), so dev servers skip it.
(function () {
  if (!('serviceWorker' in navigator)) return;
  // Set when the user asks for the update; the first install also changes the
  // controller (clients.claim) and must not reload the page under the user.
  let updateRequested = false;

  function showBanner(message, reload) {
    if (document.getElementById('update-banner')) return;
    const banner = document.createElement('div');
    banner.id = 'update-banner';
    banner.className = 'update-banner';
    banner.setAttribute('role', 'status');
    const text = document.createElement('p');
    text.textContent = message;
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Reload to update';
    button.addEventListener('click', reload);
    banner.append(text, button);
    document.body.prepend(banner);
  }

  function offerReload(worker) {
    showBanner('An update of Deskaid is available.', function () {
      updateRequested = true;
      worker.postMessage({ type: 'SKIP_WAITING' });
    });
  }

  // The worker found a new content pack on the host and keeps it for the
  // next load: the app reads its content once per load.
  navigator.serviceWorker.addEventListener('message', function (event) {
    if (!event.data || event.data.type !== 'PACK_CHANGED') return;
    showBanner("An update of Deskaid's content is available.", function () {
      window.location.reload();
    });
  });
  // Deliver messages the worker sent while this script was loading.
  navigator.serviceWorker.startMessages();

  function start() {
    fetch('./sw.js', { method: 'HEAD', cache: 'no-store' })
      .then(function (response) {
        if (!response.ok) return;
        return navigator.serviceWorker.register('./sw.js').then(function (registration) {
          if (registration.waiting && navigator.serviceWorker.controller) {
            offerReload(registration.waiting);
          }
          registration.addEventListener('updatefound', function () {
            const incoming = registration.installing;
            if (!incoming) return;
            incoming.addEventListener('statechange', function () {
              if (incoming.state === 'installed' && navigator.serviceWorker.controller) {
                offerReload(incoming);
              }
            });
          });
        });
      })
      .catch(function () {
        // Offline before the first install, or no worker: the app still runs.
      });

    navigator.serviceWorker.addEventListener('controllerchange', function () {
      if (!updateRequested) return;
      updateRequested = false;
      window.location.reload();
    });
  }

  // Loaded async, so that it never delays the page: the load event may be over.
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start);
})();
