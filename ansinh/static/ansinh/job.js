/* The import job page polls its state and moves on to the review when the job is finished. */
(function () {
  var card = document.querySelector("[data-job-state]");
  if (!card) { return; }
  var url = card.dataset.jobState;
  function poll() {
    fetch(url, {credentials: "same-origin"}).then(function (r) { return r.json(); }).then(function (s) {
      document.getElementById("nhan-trang-thai").textContent = s.label;
      document.getElementById("tien-do").textContent = s.total ? ": trang " + s.done + "/" + s.total : "";
      if (s.total) { document.getElementById("thanh-tien-do").value = s.percent; }
      if (s.finished) { window.location = s.page; } else { setTimeout(poll, 1500); }
    }).catch(function () { setTimeout(poll, 5000); });
  }
  setTimeout(poll, 1500);
})();
