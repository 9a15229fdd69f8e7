// Jejak: a YouTube player loads only when the visitor asks for it (no request before).
document.addEventListener("click", function (event) {
  var link = event.target.closest ? event.target.closest("a[data-youtube]") : null;
  if (!link) return;
  var id = link.getAttribute("data-youtube");
  if (!/^[A-Za-z0-9_-]{6,20}$/.test(id)) return;
  event.preventDefault();
  var frame = document.createElement("iframe");
  frame.src = "https://www.youtube-nocookie.com/embed/" + id + "?autoplay=1";
  frame.title = link.textContent;
  frame.allow = "autoplay; encrypted-media; picture-in-picture";
  frame.allowFullscreen = true;
  link.parentNode.replaceChild(frame, link);
});

// A light lightbox: the full-size image in a <dialog>; without JavaScript the link opens it.
document.addEventListener("click", function (event) {
  var link = event.target.closest ? event.target.closest("a.jejak-zoom") : null;
  if (!link || !window.HTMLDialogElement) return;
  event.preventDefault();
  var dialog = document.getElementById("jejak-lightbox");
  if (!dialog) {
    dialog = document.createElement("dialog");
    dialog.id = "jejak-lightbox";
    dialog.className = "jejak-lightbox";
    dialog.addEventListener("click", function () { dialog.close(); });
    document.body.appendChild(dialog);
  }
  var source = link.querySelector("img");
  var img = document.createElement("img");
  img.src = link.getAttribute("href");
  img.alt = source ? source.alt : "";
  dialog.replaceChildren(img);
  dialog.showModal();
});

// Copy a citation to the clipboard.
document.addEventListener("click", function (event) {
  var button = event.target.closest ? event.target.closest("button.jejak-copy") : null;
  if (!button || !navigator.clipboard) return;
  var section = button.closest("section") || document;
  var source = section.querySelector(button.getAttribute("data-copy"));
  if (!source) return;
  navigator.clipboard.writeText(source.textContent.trim()).then(function () {
    button.setAttribute("data-copied", "1");
  });
});
