/* Netra case page: reload once a letter being prepared is ready. The page works without this file. */
(function () {
  "use strict";

  var rows = Array.prototype.slice.call(document.querySelectorAll("[data-letter-status-url]"));
  if (!rows.length || !window.fetch) {
    return;
  }
  var delay = 3000;
  var maxDelay = 30000;

  function poll() {
    Promise.all(
      rows.map(function (row) {
        return fetch(row.getAttribute("data-letter-status-url"), {
          credentials: "same-origin",
          headers: { Accept: "application/json" },
        })
          .then(function (response) {
            return response.ok ? response.json() : null;
          })
          .then(function (body) {
            return body !== null && body.status !== row.getAttribute("data-letter-status");
          })
          .catch(function () {
            return false;
          });
      })
    ).then(function (changed) {
      if (changed.indexOf(true) !== -1) {
        window.location.reload();
        return;
      }
      delay = Math.min(delay * 1.5, maxDelay);
      window.setTimeout(poll, delay);
    });
  }

  window.setTimeout(poll, delay);
})();
