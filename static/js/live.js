// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // Topic colours come from data attributes (no inline styles under our CSP).
  document.querySelectorAll("[data-colour]").forEach(function (el) {
    var c = el.getAttribute("data-colour");
    if (/^#[0-9a-fA-F]{6}$/.test(c)) { el.style.setProperty(el.classList.contains("swatch") ? "background" : "color", c); }
  });

  // Draft autosave for the write/edit form, kept in this browser only, under the account's own key. A draft is
  // removed only once the server has saved it (the saved entry's page says so): a submit that never arrives
  // (signed out meanwhile, a network error) leaves it to restore. Signing out or deleting the account clears them.
  function clearDrafts(only) {
    for (var i = localStorage.length - 1; i >= 0; i--) {
      var k = localStorage.key(i);
      if (k && k.indexOf("journaling:draft:") === 0 && (!only || only.test(k))) { localStorage.removeItem(k); }
    }
  }
  function readDraft(key) {
    try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { return null; }
  }
  var storage = null;
  try { storage = window.localStorage; } catch (e) { storage = null; }  // blocked by the browser's settings
  if (storage) {
    clearDrafts(/^journaling:draft:(new|\d+)$/);  // drafts from before they were per account: nobody's to offer
    if (document.querySelector("[data-clear-drafts-now]")) { clearDrafts(null); }  // the account was deleted
    var savedMark = document.querySelector("[data-draft-saved]");
    if (savedMark) { localStorage.removeItem("journaling:" + savedMark.getAttribute("data-draft-saved")); }
    document.querySelectorAll("form[data-clear-drafts]").forEach(function (f) {
      f.addEventListener("submit", function () { clearDrafts(null); });
    });
  }
  var form = document.querySelector("form[data-draft-key]");
  if (form && storage) {
    var key = "journaling:" + form.getAttribute("data-draft-key");
    var content = form.querySelector("textarea[name=content]");
    var title = form.querySelector("input[name=title]");
    var status = form.querySelector(".draft-status");
    var saved = readDraft(key);
    var restore = function () {
      if (content) { content.value = saved.content || ""; }
      if (title) { title.value = saved.title || ""; }
    };
    if (saved && content && !content.value.trim()) {
      restore();
      if (status) { status.textContent = "Restored your unsaved draft."; }
    } else if (saved && content && status && (saved.content !== content.value || (title && saved.title !== title.value))) {
      // The edit page (or a form sent back with an error) already holds text: offer the draft, never overwrite.
      var offer = document.createElement("button");
      offer.type = "button";
      offer.className = "link";
      offer.textContent = "Restore them";
      offer.addEventListener("click", function () {
        restore();
        status.textContent = "Restored your unsaved changes.";
      });
      status.textContent = "This browser kept changes you had not saved. ";
      status.appendChild(offer);
    }
    var timer = null;
    form.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        try {
          localStorage.setItem(key, JSON.stringify({ title: title ? title.value : "", content: content ? content.value : "" }));
          if (status) { status.textContent = "Draft saved in this browser."; }
        } catch (e) {
          if (status) { status.textContent = "This browser could not keep a draft; save before you leave."; }
        }
      }, 600);
    });
  }

  // Live analysis updates over the WebSocket, reconnecting with backoff.
  var url = document.body.getAttribute("data-live-url");
  if (!url || !window.WebSocket) { return; }
  var delay = 1000;
  function label(text, cls) {
    var span = document.createElement("span");
    span.className = "badge " + cls;
    span.textContent = text;
    return span;
  }
  function render(el, msg) {
    el.setAttribute("data-status", msg.status);
    el.textContent = "";
    if (msg.status === "done" && msg.sentiment) {
      var s = msg.sentiment.label;
      el.appendChild(label(s.charAt(0).toUpperCase() + s.slice(1) + " " + (msg.sentiment.score >= 0 ? "+" : "") + msg.sentiment.score.toFixed(2), "sentiment-" + s));
      (msg.top_emotions || []).forEach(function (e) { el.appendChild(label(e.label + " " + Math.round(e.score * 100) + "%", "emotion")); });
    } else if (msg.status === "failed") {
      // After its last attempt the sweep leaves an entry alone until its text changes: say so, not "retried".
      el.appendChild(label(msg.retrying === false ? "Analysis failed; edit the entry to try again" : "Analysis failed; it will be retried", "failed"));
    } else {
      el.appendChild(label("Analysing…", "pending"));
    }
    // An entry page shows crisis resources (and hides streaks) by what the server rendered: reload when a finished
    // analysis changes that, and only then (an edit of a flagged entry stays flagged while it is re-analysed).
    var page = el.closest ? el.closest(".entry[data-crisis-flagged]") : null;
    if (page && msg.status === "done" && msg.crisis && String(!!msg.crisis.flagged) !== page.getAttribute("data-crisis-flagged")) {
      window.location.reload();
    }
  }
  // Pages with [data-live-refresh] (the dashboard) re-read their numbers and charts from the server.
  var refreshTimer = null;
  function refreshLiveRegions() {
    var regions = document.querySelectorAll("[data-live-refresh][id]");
    if (!regions.length || !window.fetch || !window.DOMParser) { return; }
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(function () {
      fetch(window.location.href, { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          if (!html) { return; }
          var fresh = new DOMParser().parseFromString(html, "text/html");
          regions.forEach(function (el) {
            var replacement = fresh.getElementById(el.id);
            if (replacement) { el.replaceWith(replacement); }
          });
        })
        .catch(function () {});
    }, 800);
  }

  var lastSignedOutRetry = 0;
  function connect() {
    var proto = window.location.protocol === "https:" ? "wss://" : "ws://";
    var ws = new WebSocket(proto + window.location.host + url);
    ws.onopen = function () {
      delay = 1000;
      // Ask for the current state of what this page shows: an analysis may have finished after the page was
      // rendered and before this connection joined (or while it was reconnecting).
      var ids = [];
      document.querySelectorAll(".analysis[data-entry-id]").forEach(function (el) {
        var id = parseInt(el.getAttribute("data-entry-id"), 10);
        if (el.getAttribute("data-status") !== "done" && ids.indexOf(id) < 0 && ids.length < 100) { ids.push(id); }
      });
      if (ids.length) { ws.send(JSON.stringify({ type: "sync", entries: ids })); }
    };
    ws.onmessage = function (ev) {
      var msg;
      try { msg = JSON.parse(ev.data); } catch (e) { return; }
      if (msg.type === "entry.analysis") {
        document.querySelectorAll('.analysis[data-entry-id="' + msg.entry_id + '"]').forEach(function (el) { render(el, msg); });
      }
      if (msg.type === "entry.analysis" && msg.status !== "processing") { refreshLiveRegions(); }
      document.dispatchEvent(new CustomEvent("journaling:event", { detail: msg }));
    };
    ws.onclose = function (ev) {
      if (ev.code === 4401) {
        // Signed out, or this browser's session was renewed (a password change gives it a new key): one quick retry
        // with the current cookie tells them apart; a second 4401 within the minute means signed out, so stop.
        var now = Date.now();
        if (now - lastSignedOutRetry > 60000) { lastSignedOutRetry = now; setTimeout(connect, 500); }
        return;
      }
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    };
  }
  connect();
})();
