// Import progress: poll the job's status and move the <progress> bar; reload once the job is finished.
// Without this file the page still works: a <noscript> refresh reloads it every few seconds.
(function () {
  "use strict";
  var box = document.querySelector("[data-status-url]");
  if (!box || !window.fetch) { return; }
  var bar = box.querySelector("progress");
  var text = box.querySelector("[data-progress-text]");
  var label = box.querySelector("label");
  var delay = 1000;

  function poll() {
    fetch(box.getAttribute("data-status-url"), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error("status " + response.status); }
        return response.json();
      })
      .then(function (job) {
        if (job.finished) { window.location.reload(); return; }
        bar.value = job.percent;
        bar.textContent = job.percent + "%";
        if (text) { text.textContent = job.percent + "%"; }
        if (label) { label.textContent = job.status_label + "…"; }
        delay = 1000;
        setTimeout(poll, delay);
      })
      .catch(function () {
        delay = Math.min(delay * 2, 15000);  // server busy or offline: back off, keep trying
        setTimeout(poll, delay);
      });
  }
  setTimeout(poll, delay);
}());
