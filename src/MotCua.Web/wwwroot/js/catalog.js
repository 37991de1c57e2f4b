// On a wide screen the filters sit beside the results and stay open; on a phone they fold under the results.
(function () {
  var wide = window.matchMedia('(min-width: 48rem)');
  document.querySelectorAll('details[data-open-wide]').forEach(function (panel) {
    if (wide.matches) { panel.open = true; }
  });
})();
