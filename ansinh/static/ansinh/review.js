/* Keep both panes in view: scroll the source box to the highlight, and the selected item into view. */
document.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("nguon-hop"), mark = document.getElementById("nguon");
  if (box && mark) { box.scrollTop = Math.max(0, mark.offsetTop - box.clientHeight / 3); }
  var item = document.querySelector(".review-item.selected");
  if (item && location.hash === "#nguon") { item.scrollIntoView({block: "nearest"}); }
  /* Fill a form's span fields from text selected in the source box (character offsets into the text). */
  var last = null;
  if (box) {
    document.addEventListener("selectionchange", function () {
      var sel = window.getSelection();
      if (!sel.rangeCount || sel.isCollapsed) { return; }
      var r = sel.getRangeAt(0);
      if (!box.contains(r.startContainer) || !box.contains(r.endContainer)) { return; }
      var pre = document.createRange(); pre.setStart(box, 0); pre.setEnd(r.startContainer, r.startOffset);
      var start = pre.toString().length; last = [start, start + r.toString().length];
    });
  }
  document.querySelectorAll("[data-lay-vi-tri]").forEach(function (button) {
    button.parentNode.hidden = false;
    button.addEventListener("click", function () {
      var form = button.closest("form"), note = form.querySelector("[data-vi-tri-trang-thai]");
      if (!last) { note.textContent = "Hãy bôi đen một đoạn trong văn bản nguồn trước."; return; }
      form.elements.source_start.value = last[0]; form.elements.source_end.value = last[1];
      note.textContent = "Đã điền vị trí " + last[0] + "–" + last[1] + ".";
    });
  });
});
