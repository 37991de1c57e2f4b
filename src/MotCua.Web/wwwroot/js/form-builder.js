// The e-form builder: shows each row's settings for its kind only, and refreshes the preview from the server as the
// admin types (the server renders it with the portal's own e-form partial). Without this script every setting shows
// and "Xem trước" refreshes the preview.
(function () {
  "use strict";
  var form = document.getElementById("thiet-ke");
  var preview = document.getElementById("xem-truoc");
  if (!form || !preview) { return; }

  function showKinds() {
    form.querySelectorAll(".field-design").forEach(function (row) {
      var kind = row.querySelector("[data-kind]").value;
      row.querySelectorAll("[data-for-kinds]").forEach(function (group) {
        group.hidden = group.getAttribute("data-for-kinds").split(" ").indexOf(kind) < 0;
      });
    });
  }

  var timer = null;
  var sent = 0;
  function refresh() {
    var mine = ++sent;
    fetch(form.getAttribute("data-live"), { method: "POST", body: new FormData(form), credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html === null || mine !== sent) { return; }
        preview.innerHTML = html;
        document.dispatchEvent(new CustomEvent("eform:refresh"));
      })
      .catch(function () { /* the preview button still works */ });
  }
  function later() { clearTimeout(timer); timer = setTimeout(refresh, 350); }

  form.addEventListener("input", later);
  form.addEventListener("change", function (e) { if (e.target.hasAttribute("data-kind")) { showKinds(); } later(); });
  showKinds();
}());
