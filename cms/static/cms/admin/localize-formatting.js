/*
 * The translation editor of wagtail-localize shows rich-text segments as text with their inline
 * tags ("the <b>new</b> call, see <a id="a1">the guide</a>"). This shows the segments it displays
 * (the source, and each saved translation) with that formatting instead: bold as bold, links as
 * links. The text a translator edits stays as it is: the tags there are how a translation keeps
 * the formatting, and wagtail-localize checks them when it is saved.
 *
 * The editor is a React application that re-renders its segments; its own paragraphs are kept
 * (hidden) and a formatted copy is placed after each, redrawn whenever React changes the text.
 * Only the inline tags wagtail-localize allows in a segment are drawn, without any attribute (the
 * link targets live in the source page, never in the segment), so no markup of a segment can
 * add anything else to the page.
 */
(function () {
    'use strict';

    var EDITOR = '.js-translation-editor';
    // wagtail_localize.strings.INLINE_TAGS
    var INLINE_TAGS = ['a', 'abbr', 'acronym', 'b', 'code', 'em', 'i', 'strong', 'br'];
    var HAS_INLINE_TAG = new RegExp('</?(' + INLINE_TAGS.join('|') + ')(\\s[^>]*)?/?>', 'i');
    var COPY_CLASS = 'cms-localize-formatted';
    var parser = new DOMParser();

    function copyAllowed(source, target) {
        source.childNodes.forEach(function (node) {
            if (node.nodeType === Node.TEXT_NODE) {
                target.appendChild(document.createTextNode(node.textContent));
            } else if (node.nodeType === Node.ELEMENT_NODE) {
                var name = node.nodeName.toLowerCase();
                if (INLINE_TAGS.indexOf(name) === -1) {
                    copyAllowed(node, target);
                    return;
                }
                // An <a> without href: shown as a link, leads nowhere.
                var element = document.createElement(name === 'a' ? 'span' : name);
                if (name === 'a') element.className = COPY_CLASS + '__link';
                copyAllowed(node, element);
                target.appendChild(element);
            }
        });
    }

    function formatted(text) {
        // DOMParser documents run no script and load nothing.
        var body = parser.parseFromString('<!DOCTYPE html><body>' + text, 'text/html').body;
        var fragment = document.createDocumentFragment();
        copyAllowed(body, fragment);
        return fragment;
    }

    function copyOf(paragraph) {
        var next = paragraph.nextElementSibling;
        return next && next.cmsOriginal === paragraph ? next : null;
    }

    function render(paragraph) {
        var text = paragraph.textContent;
        var copy = copyOf(paragraph);
        if (!HAS_INLINE_TAG.test(text)) {
            paragraph.hidden = false;
            if (copy) copy.remove();
            return;
        }
        if (copy && copy.dataset.source === text) return;
        if (!copy) {
            copy = document.createElement('p');
            copy.className = COPY_CLASS + ' ' + paragraph.className;
            // The translation under the source: wagtail-localize sets it in bold, where <b> would not show.
            if (paragraph.parentElement.nodeName !== 'LI') copy.classList.add(COPY_CLASS + '--translation');
            copy.cmsOriginal = paragraph;
            paragraph.after(copy);
        }
        copy.dataset.source = text;
        copy.replaceChildren(formatted(text));
        paragraph.hidden = true;
    }

    function renderAll(editor) {
        // Copies whose paragraph React removed or replaced (while the segment was being edited).
        editor.querySelectorAll('.' + COPY_CLASS).forEach(function (copy) {
            if (!copy.cmsOriginal || copyOf(copy.cmsOriginal) !== copy) copy.remove();
        });
        // The source of each segment, and the saved translation shown under it (not the textarea).
        editor.querySelectorAll('li > p:first-of-type, li > div > p').forEach(function (paragraph) {
            if (!paragraph.classList.contains(COPY_CLASS)) render(paragraph);
        });
    }

    function start() {
        var editor = document.querySelector(EDITOR);
        if (!editor) return; // another editor: nothing to do
        var pending = false;
        var observer = new MutationObserver(function () {
            if (pending) return;
            pending = true;
            window.requestAnimationFrame(function () {
                pending = false;
                observer.disconnect();
                renderAll(editor);
                observer.observe(editor, { childList: true, subtree: true, characterData: true });
            });
        });
        renderAll(editor);
        observer.observe(editor, { childList: true, subtree: true, characterData: true });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
})();
