// Approval page: picking a unit selects «Một đơn vị hành chính»; the checklist's area row follows the choice.
(function () {
  "use strict";
  var unit = document.querySelector("[data-area-unit]");
  var nationwide = document.querySelector("[data-area-nationwide]");
  var row = document.querySelector("[data-area-row]");
  if (!unit) { return; }
  function show(text) {
    if (!row) { return; }
    var cells = row.querySelectorAll("td");
    cells[0].innerHTML = '<span class="check done">Đã chọn</span>';
    cells[1].textContent = text;
  }
  document.addEventListener("unit-picked", function (e) { unit.checked = true; show(e.detail.label); });
  if (nationwide) {
    nationwide.addEventListener("change", function () { if (nationwide.checked) { show("Toàn quốc"); } });
  }
})();
