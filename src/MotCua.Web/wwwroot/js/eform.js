// Shown-when rules of an e-form: a field marked data-shown-on="form.x" is hidden until field x takes one of
// data-shown-values. Without this script every field shows with a hint saying when to fill it; the server drops the
// answers of hidden fields either way. A page that replaces a form's fields dispatches "eform:refresh" on document.
(function () {
  "use strict";
  function answer(scope, name) {
    var inputs = scope.querySelectorAll('[name="' + name + '"]');
    for (var i = 0; i < inputs.length; i++) {
      var input = inputs[i];
      if (input.type === "radio") { if (input.checked) { return input.value; } continue; }
      if (input.type === "checkbox") { return input.checked ? "true" : "false"; }
      return input.value;
    }
    return "";
  }
  function refresh(scope) {
    // Razor writes data- attributes even when empty: a field without a rule has data-shown-on="".
    scope.querySelectorAll('[data-shown-on]:not([data-shown-on=""])').forEach(function (field) {
      var on = field.getAttribute("data-shown-on");
      var controller = scope.querySelector('[name="' + on + '"]');
      var holder = controller && controller.closest('[data-shown-on]:not([data-shown-on=""])');
      var values = JSON.parse(field.getAttribute("data-shown-values") || "[]");
      field.hidden = (holder && holder.hidden) || values.indexOf(answer(scope, on)) < 0;
    });
  }
  function refreshAll() { document.querySelectorAll("[data-eform]").forEach(refresh); }
  document.addEventListener("change", refreshAll);
  document.addEventListener("input", refreshAll);
  document.addEventListener("eform:refresh", refreshAll);
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", refreshAll); } else { refreshAll(); }
}());
