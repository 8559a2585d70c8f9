// Added by `tracebrief serve` to the pages it serves, never to a built site:
// reloads the page once a newer build is done, and shows the overlay of a
// failing check as a modal dialog (Escape or its button hides it).
(() => {
  const build = BUILD;
  const overlay = document.getElementById("tracebrief-overlay");
  if (overlay && typeof overlay.showModal === "function") {
    overlay.close();
    overlay.showModal();
  }
  const events = new EventSource("/__tracebrief/events");
  events.addEventListener("reload", (event) => {
    if (event.data !== build) {
      events.close();
      location.reload();
    }
  });
})();
