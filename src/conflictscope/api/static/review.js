// conflictscope page: analyst corrections in the event panel (the review loop).
// Each correctable field gets an edit button (✎) opening a small form (value + reason); "Not an
// event" asks for a reason. Writes send the server's token, which the analyst types into the
// token field: it is kept in sessionStorage only (gone when the tab closes). Every text from the
// store or the server is inserted with textContent, never as HTML.
"use strict";

(function () {
  const TOKEN_KEY = "conflictscope.token";
  const AUTHOR_KEY = "conflictscope.author";
  //: Fields POST /api/events/{id}/corrections accepts that the panel lists.
  const CORRECTABLE = new Set(["event_type", "sub_event_type", "event_date", "date_start", "date_end",
    "actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "inter1", "inter2", "country", "iso3", "admin1",
    "admin2", "location", "latitude", "longitude", "geo_precision", "time_precision", "fatalities",
    "is_background", "civilian_targeting", "notes"]);
  const { $, el } = window.conflictscopeDom;
  const shown = (value) => (value === null || value === undefined ? "none" : Array.isArray(value) ? value.join("; ") : String(value));

  function token() { return sessionStorage.getItem(TOKEN_KEY) || ""; }

  // The token (and the analyst's name, for the audit) live in sessionStorage only.
  function setupToken() {
    for (const [id, key] of [["token", TOKEN_KEY], ["author", AUTHOR_KEY]]) {
      const input = $(id);
      if (!input) continue;
      input.value = sessionStorage.getItem(key) || "";
      input.addEventListener("input", () => {
        if (input.value) sessionStorage.setItem(key, input.value);
        else sessionStorage.removeItem(key);
      });
    }
  }

  function say(text, ok) {
    const box = $("correction-status");
    box.textContent = text || "";
    box.className = ok ? "ok" : "problem";
  }

  async function send(eventId, field, value, reason) {
    const response = await fetch(`/api/events/${encodeURIComponent(eventId)}/corrections`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json", Authorization: `Bearer ${token()}` },
      body: JSON.stringify({ field, value, reason, author: sessionStorage.getItem(AUTHOR_KEY) || "" }),
    });
    let body = null;
    try { body = await response.json(); } catch (error) { body = null; }
    if (!response.ok) throw new Error((body && body.error) || `refused (${response.status})`);
    return body;
  }

  // A small inline form: value (unless fixed), reason, Save / Cancel.
  function form(label, initial, onSave, fixedValue) {
    const box = el("form", null, "correction-form");
    box.setAttribute("aria-label", label);
    let valueInput = null;
    if (fixedValue === undefined) {
      valueInput = el("input");
      valueInput.name = "value";
      valueInput.value = initial;
      valueInput.setAttribute("aria-label", "Corrected value");
      box.append(valueInput);
    }
    const reason = el("input");
    reason.name = "reason";
    reason.placeholder = "reason (required)";
    reason.setAttribute("aria-label", "Reason");
    reason.required = true;
    const save = el("button", "Save");
    save.type = "submit";
    const cancel = el("button", "Cancel");
    cancel.type = "button";
    cancel.addEventListener("click", () => box.remove());
    box.append(reason, save, cancel);
    box.addEventListener("submit", async (event) => {
      event.preventDefault();
      if (!reason.value.trim()) { say("give a reason", false); reason.focus(); return; }
      save.disabled = true;
      try {
        await onSave(fixedValue === undefined ? valueInput.value : fixedValue, reason.value.trim());
      } catch (error) {
        say(`not saved: ${error.message}`, false);
        save.disabled = false;
      }
    });
    setTimeout(() => (valueInput || reason).focus(), 0);
    return box;
  }

  // Called by app.js after the panel is filled: edit buttons, corrected marks, the audit.
  function decorate(detail, reopen) {
    const eventId = detail.event.event_id;
    say("");
    const done = async (field, value, reason) => {
      const result = await send(eventId, field, value, reason);
      await reopen(result.event_id || eventId);  // redraws the panel (and clears the status)
      say(`saved: ${field} corrected`, true);
    };
    for (const row of $("panel-fields").tBodies[0].rows) {
      const name = row.dataset.name;
      const field = detail.fields[name];
      const cell = el("td");
      if (field && field.correction) {
        row.classList.add("corrected");
        const c = field.correction;
        cell.append(el("small", `corrected by ${c.author || "?"}: ${shown(c.old_value)} → ${shown(c.new_value)} (${c.reason})`, "correction-note"));
      }
      if (CORRECTABLE.has(name)) {
        const edit = el("button", "✎", "edit");
        edit.type = "button";
        edit.setAttribute("aria-label", `Correct ${name}`);
        edit.dataset.field = name;
        edit.addEventListener("click", (event) => {
          event.stopPropagation();
          if (cell.querySelector("form")) return;
          cell.append(form(`Correct ${name}`, field ? shown(field.value === null ? "" : field.value) : "",
            (value, reason) => done(name, value, reason)));
        });
        cell.prepend(edit);
      }
      row.append(cell);
    }
    const notEvent = $("not-event");
    const holder = $("not-event-form");
    holder.replaceChildren();
    notEvent.textContent = detail.not_an_event ? "It is an event after all" : "Not an event";
    notEvent.onclick = () => {
      if (holder.firstChild) return;
      holder.append(form(detail.not_an_event ? "It is an event" : "Not an event", "",
        (value, reason) => done("not_an_event", value, reason), !detail.not_an_event));
    };
    $("panel-not-event").hidden = !detail.not_an_event;
    const audit = $("panel-corrections");
    audit.replaceChildren();
    for (const c of detail.corrections || []) {
      audit.append(el("li", `${c.created_at} ${c.field}: ${shown(c.old_value)} → ${shown(c.new_value)} by ${c.author || "?"}: ${c.reason}${c.active ? "" : " (inactive)"}`));
    }
    if (!audit.children.length) audit.append(el("li", "none"));
  }

  window.conflictscopeReview = { decorate, setupToken, correctable: (name) => CORRECTABLE.has(name) };
})();
