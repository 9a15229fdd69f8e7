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
