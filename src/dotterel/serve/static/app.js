// dotterel's only script: on an article page, an event in the list and its words in the text
// light up together. Everything else works without it.
(function () {
  "use strict";
  function marksOf(id) {
    return Array.prototype.filter.call(document.querySelectorAll("mark[data-events]"), function (m) {
      return m.getAttribute("data-events").split(" ").indexOf(id) >= 0;
    });
  }
  function activate(id) {
    document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
    if (!id) return;
    var card = document.getElementById("ev-" + id);
    if (card) card.classList.add("active");
    marksOf(id).forEach(function (m) { m.classList.add("active"); });
  }
  function fromHash() {
    var hash = decodeURIComponent(window.location.hash || "");
    if (hash.indexOf("#ev-") === 0) {
      activate(hash.slice(4));
      var first = marksOf(hash.slice(4))[0];
      if (first) first.scrollIntoView({ block: "center" });
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".event-card[data-event]").forEach(function (card) {
      var id = card.getAttribute("data-event");
      card.addEventListener("mouseenter", function () { activate(id); });
      card.addEventListener("focus", function () { activate(id); });
      card.addEventListener("click", function () {
        var first = marksOf(id)[0];
        if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
      });
    });
    document.querySelectorAll("mark[data-events]").forEach(function (mark) {
      mark.addEventListener("click", function () {
        var id = (mark.getAttribute("data-events") || "").split(" ")[0];
        if (!id) return;
        activate(id);
        var card = document.getElementById("ev-" + id);
        if (card) card.scrollIntoView({ block: "nearest", behavior: "smooth" });
      });
    });
    fromHash();
    window.addEventListener("hashchange", fromHash);
  });
})();
