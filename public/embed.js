/*
 * vethlab's embed script (docs/embedding.md). Include it once in a page:
 *
 *   <script src="https://SITE/embed.js" async></script>
 *   <div data-vethlab="https://SITE/#g=three-ways" data-readonly="1"></div>
 *
 * It turns each <div data-vethlab="LINK"> into an iframe of vethlab's embed
 * view (embed.html beside this script), passes the div's data-panels,
 * data-readonly, data-autoplay, data-step, data-theme and data-lang on, grows
 * the iframe to its content, and relays the embed's events to the div as a
 * `vethlab` DOM event (event.detail is the message). window.vethlab.send(div,
 * message) drives an embed. With no data-theme (or "auto") the embed follows
 * the page's color-scheme. The iframe only ever talks to this page's origin;
 * nothing here reads the page beyond the divs it mounts.
 */
(function () {
  'use strict';
  if (window.vethlab && window.vethlab.version) return;

  var script = document.currentScript;
  var base = new URL('./', script && script.src ? script.src : window.location.href);
  var OPTIONS = ['panels', 'readonly', 'autoplay', 'step', 'theme', 'lang'];
  var MIN_HEIGHT = 120;
  var MAX_HEIGHT = 20000;
  /** Each mounted iframe, with its div and whether its theme follows the page. */
  var mounted = [];

  function fragmentOf(link) {
    var i = link.indexOf('#');
    return i >= 0 ? link.slice(i + 1) : link;
  }

  function pageTheme() {
    var scheme = window.getComputedStyle(document.documentElement).colorScheme || '';
    if (/^\s*dark\s*$/.test(scheme)) return 'dark';
    if (/^\s*light\s*$/.test(scheme)) return 'light';
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  function entryOf(target) {
    for (var i = 0; i < mounted.length; i++) {
      if (mounted[i].div === target || mounted[i].iframe === target) return mounted[i];
    }
    return undefined;
  }

  function send(target, message) {
    var entry = entryOf(target);
    if (!entry || !entry.iframe.contentWindow) return false;
    entry.iframe.contentWindow.postMessage(message, base.origin);
    return true;
  }

  function mount(div) {
    if (entryOf(div)) return;
    var link = div.getAttribute('data-vethlab') || '';
    var query = new URLSearchParams();
    for (var i = 0; i < OPTIONS.length; i++) {
      var value = div.getAttribute('data-' + OPTIONS[i]);
      if (value !== null && value !== '') query.set(OPTIONS[i], value);
    }
    var follows = !query.has('theme') || query.get('theme') === 'auto';
    if (follows) query.set('theme', pageTheme());
    if (window.location.origin && window.location.origin !== 'null') query.set('origin', window.location.origin);
    var iframe = document.createElement('iframe');
    iframe.src = new URL('embed.html?' + query.toString() + '#' + fragmentOf(link), base).href;
    iframe.title = div.getAttribute('data-title') || 'vethlab: a Docker networking playground';
    iframe.setAttribute('allow', 'clipboard-write');
    iframe.style.display = 'block';
    iframe.style.width = '100%';
    iframe.style.border = '0';
    iframe.style.height = (Number(div.getAttribute('data-height')) || 720) + 'px';
    while (div.firstChild) div.removeChild(div.firstChild);
    div.appendChild(iframe);
    mounted.push({ div: div, iframe: iframe, follows: follows, theme: query.get('theme') });
  }

  function mountAll(root) {
    var divs = (root || document).querySelectorAll('div[data-vethlab]');
    for (var i = 0; i < divs.length; i++) mount(divs[i]);
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== base.origin) return;
    for (var i = 0; i < mounted.length; i++) {
      var entry = mounted[i];
      if (event.source !== entry.iframe.contentWindow) continue;
      var data = event.data;
      if (!data || typeof data.type !== 'string' || data.type.indexOf('vethlab:') !== 0) return;
      if (data.type === 'vethlab:resize' && typeof data.height === 'number' && isFinite(data.height)) {
        entry.iframe.style.height = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(data.height))) + 'px';
      }
      entry.div.dispatchEvent(new CustomEvent('vethlab', { detail: data }));
      return;
    }
  });

  function followTheme() {
    var theme = pageTheme();
    for (var i = 0; i < mounted.length; i++) {
      var entry = mounted[i];
      if (!entry.follows || entry.theme === theme) continue;
      entry.theme = theme;
      send(entry.iframe, { type: 'vethlab:theme', theme: theme });
    }
  }

  window.vethlab = { version: 1, send: send, mount: mountAll };

  function start() {
    mountAll(document);
    // Divs added later (a page that renders on the client) are mounted too.
    new MutationObserver(function () {
      mountAll(document);
    }).observe(document.body, { childList: true, subtree: true });
    new MutationObserver(followTheme).observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'style', 'data-theme'] });
    if (window.matchMedia) {
      var media = window.matchMedia('(prefers-color-scheme: dark)');
      if (media.addEventListener) media.addEventListener('change', followTheme);
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
