// "Hỏi trợ lý" reuses the search box: copy its text into the question field before sending.
document.addEventListener("DOMContentLoaded", () => {
  const ask = document.getElementById("kb-ask");
  const box = document.getElementById("kb-q");
  if (!ask || !box) return;
  const sync = () => { ask.value = box.value; };
  box.addEventListener("input", sync);
  sync();
});
