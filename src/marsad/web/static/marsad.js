// Marsad: light enhancements only; every page works without JavaScript.
(function () {
  "use strict";

  // article view: show or hide highlight layers
  document.querySelectorAll("#legend input[data-layer]").forEach(function (box) {
    box.addEventListener("change", function () {
      var body = document.getElementById("article-text");
      if (body) body.classList.toggle("hide-" + box.dataset.layer, !box.checked);
    });
  });

  // article view: a claim in the text and its row in the side table light up together
  function claimNodes(id) {
    return document.querySelectorAll('[data-claim="' + id + '"]');
  }
  function setActive(id, on) {
    claimNodes(id).forEach(function (n) { n.classList.toggle("active-claim", on); });
  }
  document.querySelectorAll("[data-claim]").forEach(function (n) {
    n.addEventListener("mouseenter", function () { setActive(n.dataset.claim, true); });
    n.addEventListener("mouseleave", function () { setActive(n.dataset.claim, false); });
  });

  // a link to #cID (claims table, entity page) flashes the claim in the text
  function flashHash() {
    var m = /^#c(\d+)$/.exec(location.hash);
    if (!m) return;
    claimNodes(m[1]).forEach(function (n) {
      if (n.tagName === "TR") return;
      n.classList.remove("flash"); void n.offsetWidth; n.classList.add("flash");
    });
  }
  window.addEventListener("hashchange", flashHash);
  flashHash();

  // article view opened from search: scroll to the first hit
  if (!location.hash) {
    var hit = document.querySelector("#article-text .hit");
    if (hit) hit.scrollIntoView({ block: "center" });
  }

  // upload form: list the chosen files
  var files = document.getElementById("files");
  var list = document.getElementById("file-list");
  if (files && list) {
    files.addEventListener("change", function () {
      list.textContent = "";
      Array.prototype.forEach.call(files.files, function (f) {
        var li = document.createElement("li");
        li.textContent = f.name + " (" + Math.max(1, Math.round(f.size / 1024)) + " KB)";
        list.appendChild(li);
      });
    });
  }
})();
