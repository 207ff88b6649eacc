// The book's one script: typeset equations with KaTeX, highlight C#, draw charts with plotly.js. Every asset is
// a local file; a part that cannot run says so in words on the page.
(function () {
  'use strict';
  var problems = [];

  function typeset() {
    var elements = document.querySelectorAll('.math');
    if (!elements.length) { return; }
    if (!window.katex) {
      problems.push('Equations are shown as TeX: assets/katex/katex.min.js did not load.');
      return;
    }
    elements.forEach(function (el) {
      var display = el.tagName === 'DIV' || el.classList.contains('display');
      var tex = el.textContent.trim();
      tex = tex.replace(/^\\[\[(]/, '').replace(/\\[\])]$/, '');
      try {
        window.katex.render(tex, el, { displayMode: display, throwOnError: true, strict: 'ignore' });
        el.classList.add('typeset');
      } catch (e) {
        el.classList.add('math-error');
        el.textContent = tex;
        el.title = String(e.message || e);
      }
    });
  }

  function highlight() {
    if (!window.hljs) { return; }
    document.querySelectorAll('pre code.language-csharp').forEach(function (el) { window.hljs.highlightElement(el); });
  }

  function drawCharts() {
    var boxes = document.querySelectorAll('.chart');
    if (!boxes.length) { return; }
    if (!window.Plotly) {
      problems.push('Charts are not drawn: assets/plotly.min.js did not load.');
      boxes.forEach(function (box) {
        box.querySelector('.chart-message').textContent = 'This chart cannot be drawn: plotly.js (assets/plotly.min.js) did not load.';
      });
      return;
    }
    boxes.forEach(function (box) {
      var source = document.getElementById(box.id + '-figure');
      try {
        var figure = JSON.parse(source.textContent);
        box.innerHTML = '';
        window.Plotly.newPlot(box, figure.data, figure.layout || {}, { responsive: true, displaylogo: false });
        box.classList.add('drawn');
      } catch (e) {
        box.innerHTML = '';
        var p = document.createElement('p');
        p.className = 'chart-message';
        p.textContent = 'This chart could not be drawn: ' + (e.message || e);
        box.appendChild(p);
      }
    });
  }

  function run() {
    [typeset, highlight, drawCharts].forEach(function (step) {
      try { step(); } catch (e) { problems.push(step.name + ' failed: ' + (e.message || e)); }
    });
    if (problems.length) {
      var banner = document.getElementById('asset-problems');
      banner.textContent = problems.join(' ');
      banner.hidden = false;
    }
    document.body.setAttribute('data-book-ready', 'true');
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', run); } else { run(); }
})();
