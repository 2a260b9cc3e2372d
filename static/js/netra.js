/* Netra: small progressive enhancements. Every page works without this file. */
(function () {
  "use strict";

  // Print buttons are hidden until script can make them work.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });

  // The reporter's identity fields are not needed (and not kept) when reporting anonymously.
  var anonymous = document.getElementById("id_anonymous");
  var identity = document.querySelector("[data-identity]");
  if (anonymous && identity) {
    var sync = function () {
      identity.hidden = anonymous.checked;
    };
    anonymous.addEventListener("change", sync);
    sync();
  }
})();
