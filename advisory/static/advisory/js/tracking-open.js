/*
 * Opens a request from the link in our e-mails. The link carries its token in the URL fragment
 * (".../track/#<token>"), which browsers never send to a server, so it reaches no access log and
 * no Referer header. This script takes it from the address bar at once (so it stays out of the
 * history as well), puts it in the page's form and posts it; the server answers with a session.
 * Without JavaScript, people paste the link into the same form.
 */
(function () {
    "use strict";
    var code = window.location.hash.slice(1);
    // Tokens and sign-in codes only: an ordinary "#section" anchor is left alone.
    if (!/^[A-Za-z0-9_\-:]{16,512}$/.test(code)) {
        return;
    }
    if (window.history && window.history.replaceState) {
        window.history.replaceState(null, "", window.location.pathname + window.location.search);
    }
    var form = document.querySelector("form[data-tracking-open]");
    if (!form) {
        return;
    }
    var field = form.querySelector("[name='link']");
    if (!field) {
        return;
    }
    field.value = code;
    var status = document.querySelector("[data-tracking-opening]");
    if (status) {
        status.hidden = false;
    }
    form.submit();
})();
