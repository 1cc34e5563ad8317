// conflictscope page: the two DOM helpers app.js and review.js share. Text goes in with
// textContent only (store text is untrusted).
"use strict";

window.conflictscopeDom = {
  $: (id) => document.getElementById(id),
  el: (tag, text, cls) => {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  },
};
