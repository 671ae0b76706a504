// Title suggestions under the search boxes: a WAI-ARIA 1.2 combobox (an input with a listbox popup).
// Added over plain search forms: without this script the form submits the words as before, and
// Enter without a chosen suggestion still does. Suggestions come from the input's
// data-autocomplete URL (JSON {"results": [{"title", "url"}]}); choosing one opens its page.
(function () {
    "use strict";
    var DELAY = 150; // ms of typing pause before asking: one request per pause, not per key
    var MIN_LENGTH = 2; // as the server: one letter matches half the site
    var boxes = 0;

    function setup(input) {
        var source = input.getAttribute("data-autocomplete");
        var id = "search-suggestions-" + (++boxes);
        var list = document.createElement("ul");
        var items = [];
        var active = -1;
        var timer = null;
        var pending = null;
        var shown = "";

        list.id = id;
        list.className = "search-suggestions";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", input.getAttribute("data-autocomplete-label") || "");
        list.hidden = true;
        input.insertAdjacentElement("afterend", list);
        input.parentNode.classList.add("has-suggestions");
        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", id);

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            mark(-1);
        }

        function open() {
            if (items.length) {
                list.hidden = false;
                input.setAttribute("aria-expanded", "true");
            }
        }

        function mark(index) {
            active = index;
            Array.prototype.forEach.call(list.children, function (option, position) {
                option.setAttribute("aria-selected", position === index ? "true" : "false");
            });
            if (index >= 0) {
                input.setAttribute("aria-activedescendant", list.children[index].id);
                list.children[index].scrollIntoView({block: "nearest"});
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function go(index) {
            close();
            window.location.assign(items[index].url);
        }

        function render(results, text) {
            list.textContent = "";
            items = results;
            shown = text;
            results.forEach(function (result, index) {
                var option = document.createElement("li");
                option.id = id + "-" + index;
                option.className = "search-suggestions__option";
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.textContent = result.title;
                // Keep the focus in the input: a click chooses, it does not blur the box first.
                option.addEventListener("mousedown", function (event) {
                    event.preventDefault();
                });
                option.addEventListener("click", function () {
                    go(index);
                });
                list.appendChild(option);
            });
            active = -1;
            if (results.length && document.activeElement === input) {
                open();
            } else {
                close();
            }
        }

        function ask() {
            var text = input.value.trim();
            if (text.length < MIN_LENGTH) {
                render([], "");
                return;
            }
            if (text === shown) {
                open();
                return;
            }
            if (pending) {
                pending.abort();
            }
            pending = new AbortController();
            fetch(source + "?q=" + encodeURIComponent(text), {
                headers: {Accept: "application/json"},
                credentials: "same-origin",
                signal: pending.signal
            }).then(function (response) {
                return response.ok ? response.json() : {results: []};
            }).then(function (data) {
                // An answer to words since changed is dropped; the newer request renders.
                if (input.value.trim() === text) {
                    render(Array.isArray(data.results) ? data.results : [], text);
                }
            }).catch(function () {
                // Offline, aborted or refused: the box stays a plain search box.
            });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(ask, DELAY);
        });

        input.addEventListener("keydown", function (event) {
            if (event.key === "ArrowDown" || event.key === "Down") {
                event.preventDefault();
                if (list.hidden) {
                    open();
                }
                if (items.length && !event.altKey) {
                    mark((active + 1) % items.length);
                }
            } else if (event.key === "ArrowUp" || event.key === "Up") {
                if (items.length && !list.hidden) {
                    event.preventDefault();
                    mark(active <= 0 ? items.length - 1 : active - 1);
                }
            } else if (event.key === "Enter") {
                if (!list.hidden && active >= 0) {
                    event.preventDefault();
                    go(active);
                }
            } else if (event.key === "Escape" || event.key === "Esc") {
                if (!list.hidden) {
                    event.preventDefault();
                    close();
                }
            }
        });

        input.addEventListener("blur", close);
    }

    document.querySelectorAll("input[data-autocomplete]").forEach(setup);
})();
