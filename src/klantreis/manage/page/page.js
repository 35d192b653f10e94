// klantreis: the language switch of a history or portfolio page. Text only, nothing fetched.
(function () {
  "use strict";
  var root = document.documentElement;
  var button = document.getElementById("switch");
  var names = { nl: "English", en: "Nederlands" };
  function show(lang) {
    var pages = document.querySelectorAll(".page");
    var shown = null;
    for (var i = 0; i < pages.length; i++) {
      var here = pages[i].getAttribute("lang") === lang;
      pages[i].hidden = !here;
      if (here) shown = pages[i];
    }
    if (shown === null) return;
    root.setAttribute("lang", lang);
    document.title = shown.getAttribute("data-title");
    var other = lang === "nl" ? "en" : "nl";
    button.textContent = names[lang];
    button.setAttribute("lang", other);
  }
  button.addEventListener("click", function () {
    show(root.getAttribute("lang") === "nl" ? "en" : "nl");
    button.focus();
  });
  button.hidden = false;
  show(root.getAttribute("lang"));
  root.setAttribute("data-ready", "");
})();
