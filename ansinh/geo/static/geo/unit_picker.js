// Searchable unit picker (geo/_unit_picker.html): asks geo:unit_search and fills the hidden field.
(function () {
  "use strict";
  function setup(box) {
    if (box.dataset.ready) { return; }
    box.dataset.ready = "1";
    var input = box.querySelector("input[type=search]");
    var hidden = box.querySelector("[data-unit-value]");
    var list = box.querySelector("ul");
    var chosen = box.querySelector("[data-unit-chosen]");
    var timer = null;
    function choose(item) {
      hidden.value = box.dataset.value === "code" ? item.code : item.id;
      chosen.textContent = item.label;
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      box.dispatchEvent(new CustomEvent("unit-picked", { bubbles: true, detail: item }));
    }
    function show(data) {
      list.innerHTML = "";
      data.results.forEach(function (item) {
        var li = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.setAttribute("role", "option");
        button.textContent = item.label;
        button.addEventListener("click", function () { choose(item); });
        li.appendChild(button);
        list.appendChild(li);
      });
      if (!data.results.length) {
        var empty = document.createElement("li");
        empty.textContent = "Không tìm thấy đơn vị nào.";
        list.appendChild(empty);
      }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }
    function search() {
      var q = input.value.trim();
      if (q.length < 2) { list.hidden = true; return; }
      var url = box.dataset.endpoint + "?q=" + encodeURIComponent(q);
      if (box.dataset.level) { url += "&level=" + encodeURIComponent(box.dataset.level); }
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) { return r.json(); }).then(show);
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(search, 200); });
    input.addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); search(); } });
  }
  function all() { document.querySelectorAll("[data-unit-picker]").forEach(setup); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", all); } else { all(); }
})();
