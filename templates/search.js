// tracebrief's search: reads the index the build wrote under search/ (every
// file a script, so it works opened from disk as well as served) and shows
// the results as the pages publish them: each figure with its data-trace,
// each quote with its sentences. Words are folded as the build folded them
// (src/site/search.rs): letters without accents, British spellings the
// American way, common words left out; the last word typed is a beginning.
(function () {
  'use strict';
  var here = document.currentScript ? document.currentScript.src : '';
  var base = here.slice(0, here.lastIndexOf('/') + 1); // the site's root
  var index = null;
  var fold = {};
  var spelling = [];
  var stop = {};
  var shards = {}; // loaded: shard -> {term: postings}
  var docs = {}; // loaded: file number -> [[kind, href, html, briefing]]
  var waiting = {}; // script src -> [callbacks]
  var input, status, list, last = '';
  var SHOWN = 30; // results shown

  function load(src, ready) {
    if (waiting[src]) { waiting[src].push(ready); return; }
    waiting[src] = [ready];
    var s = document.createElement('script');
    s.src = base + src;
    s.async = true;
    s.onload = function () { var w = waiting[src]; waiting[src] = 'done'; w.forEach(function (f) { f(); }); };
    s.onerror = s.onload;
    document.head.appendChild(s);
  }
  function loaded(src, ready) {
    if (waiting[src] === 'done') ready(); else load(src, ready);
  }

  function words(text) {
    var folded = '';
    for (var c of text.toLowerCase()) folded += fold[c] !== undefined ? fold[c] : c;
    var chars = Array.from(folded), out = [], word = '';
    var isDigit = function (c) { return c >= '0' && c <= '9'; };
    var isWord = function (c) { return /[\p{Alphabetic}\p{N}]/u.test(c); };
    for (var i = 0; i < chars.length; i++) {
      var c = chars[i];
      var digitBefore = word.length > 0 && isDigit(word[word.length - 1]);
      var digitAfter = i + 1 < chars.length && isDigit(chars[i + 1]);
      if (isWord(c)) word += c;
      else if (c === '.' && digitBefore && digitAfter) word += c;
      else if (c === ',' && digitBefore && digitAfter) { /* a thousands separator */ }
      else if (c === '%' && digitBefore) { word += c; out.push(word); word = ''; }
      else if (word) { out.push(word); word = ''; }
    }
    if (word) out.push(word);
    return out;
  }
  var ISE = ' advertise advise arise chastise comprise compromise concise demise despise devise disguise enterprise excise exercise expertise franchise improvise incise merchandise noise otherwise paradise poise praise precise premise promise raise revise rise supervise surmise surprise televise treatise wise likewise clockwise cruise bruise guise reprise apprise ';
  var ENDINGS = [['isation', 'ization', 'ise'], ['ised', 'ized', 'ise'], ['ises', 'izes', 'ise'], ['ising', 'izing', 'ise'],
    ['ise', 'ize', 'ise'], ['ysed', 'yzed', 'yse'], ['ysing', 'yzing', 'yse'], ['yse', 'yze', 'yse']];
  function spelled(word) {
    for (var i = 0; i < spelling.length; i++) {
      if (word.indexOf(spelling[i][0]) === 0) return spelling[i][1] + word.slice(spelling[i][0].length);
    }
    for (var e = 0; e < ENDINGS.length; e++) {
      var end = ENDINGS[e][0];
      if (word.length > end.length && word.slice(-end.length) === end) {
        var stem = word.slice(0, -end.length);
        if (Array.from(stem).length >= 3 && ISE.indexOf(' ' + stem + ENDINGS[e][2] + ' ') < 0) return stem + ENDINGS[e][1];
      }
    }
    return word;
  }
  function terms(text) {
    return words(text).map(spelled).filter(function (w) { return !stop[w]; });
  }
  function fileOf(shard) { return Array.from(shard).map(function (c) { return c.codePointAt(0).toString(16); }).join('_'); }
  // a word's results, rising, read one at a time: a query reads no more
  // of the index than the results it shows
  function cursor(postings) {
    var at = 0, id = 0;
    return function () {
      if (at >= postings.length) return -1;
      var end = postings.indexOf(',', at);
      if (end < 0) end = postings.length;
      id += parseInt(postings.slice(at, end), 36);
      at = end + 1;
      return id;
    };
  }
  // the results of any of several words, rising, each once
  function union(cursors) {
    var heads = cursors.map(function (c) { return c(); });
    return function () {
      var min = -1;
      for (var i = 0; i < heads.length; i++) if (heads[i] >= 0 && (min < 0 || heads[i] < min)) min = heads[i];
      if (min < 0) return -1;
      for (var j = 0; j < heads.length; j++) while (heads[j] === min) heads[j] = cursors[j]();
      return min;
    };
  }
  // the shards a word may stand in: the one its beginning names, or (a
  // beginning typed last) every shard of words that begin with it
  function shardsOf(term, prefix) {
    return index.shards.filter(function (s) {
      return term.lastIndexOf(s, 0) === 0 || (prefix && Array.from(term).length >= 2 && s.lastIndexOf(term, 0) === 0);
    });
  }
  // the results of one word: every word it is (or, typed last, begins)
  function matches(term, prefix) {
    var cursors = [];
    var exact = !prefix || Array.from(term).length < 2;
    shardsOf(term, prefix).forEach(function (s) {
      var shard = shards[s] || {};
      if (exact) {
        if (shard[term]) cursors.push(cursor(shard[term]));
        return;
      }
      for (var t in shard) if (t.lastIndexOf(term, 0) === 0) cursors.push(cursor(shard[t]));
    });
    return union(cursors);
  }
  // the first `most` results every word stands in
  function intersection(words, most) {
    var found = [];
    var heads = words.map(function (w) { return w(); });
    while (found.length < most && heads.every(function (h) { return h >= 0; })) {
      var top = Math.max.apply(null, heads);
      var same = true;
      for (var i = 0; i < words.length; i++) {
        while (heads[i] >= 0 && heads[i] < top) heads[i] = words[i]();
        if (heads[i] !== top) same = false;
      }
      if (same) {
        found.push(top);
        heads = words.map(function (w) { return w(); });
      }
    }
    return found;
  }

  function search(query) {
    var ts = terms(query);
    if (!ts.length) { show(query, null); return; }
    var need = [];
    ts.forEach(function (t, i) {
      shardsOf(t, i === ts.length - 1).forEach(function (s) { if (need.indexOf(s) < 0) need.push(s); });
    });
    var pending = need.length;
    if (!pending) { show(query, []); return; }
    need.forEach(function (s) {
      loaded('search/terms-' + fileOf(s) + '.js', function () { if (--pending === 0) found(); });
    });
    function found() {
      show(query, intersection(ts.map(function (t, i) { return matches(t, i === ts.length - 1); }), SHOWN));
    }
  }

  function docFiles(ids) {
    var files = new Set();
    ids.forEach(function (id) { files.add(Math.floor(id / index.docsPerFile)); });
    return Array.from(files);
  }
  function doc(id) {
    var file = docs[Math.floor(id / index.docsPerFile)];
    return file && file[id % index.docsPerFile];
  }

  function show(query, found) {
    if (query !== last) return;
    list.textContent = '';
    list.dataset.query = query;
    if (found === null) { status.textContent = status.dataset.hint; return; }
    if (!found.length) { status.textContent = index.none; return; }
    delete list.dataset.query; // until the results are on screen
    // ids are ranked: briefings, actors, figures, quotes, each newest first
    var top = found;
    var first = docFiles(top);
    var pending = first.length;
    first.forEach(function (n) {
      loaded('search/docs-' + n + '.js', function () { if (--pending === 0) withDocs(top); });
    });
    function withDocs(top) {
      var briefings = top.map(function (id) { return doc(id)[3]; }).filter(function (b) { return b >= 0; });
      var more = docFiles(briefings).filter(function (n) { return !docs[n]; });
      var left = more.length;
      if (!left) render(top);
      more.forEach(function (n) { loaded('search/docs-' + n + '.js', function () { if (--left === 0) render(top); }); });
    }
    function render(top) {
      if (query !== last) return;
      list.dataset.query = query;
      status.textContent = '';
      top.forEach(function (id) {
        var d = doc(id);
        var li = document.createElement('li');
        li.className = 'result result-' + ['briefing', 'actor', 'figure', 'quote'][d[0]];
        var slug = /^briefings\/([^/]+)\//.exec(d[1]);
        if (slug) li.dataset.briefing = slug[1];
        var kind = document.createElement('span');
        kind.className = 'kicker';
        kind.textContent = index.kinds[d[0]];
        var link = document.createElement('a');
        link.href = base + d[1];
        link.innerHTML = d[2]; // the index holds the pages' own HTML, escaped and checked at build
        li.append(kind, ' ', link);
        if (d[3] >= 0) {
          var b = doc(d[3]);
          if (b) {
            var from = document.createElement('span');
            from.className = 'about';
            from.innerHTML = index.inBriefing + ' ' + b[2];
            li.append(' ', from);
          }
        }
        list.appendChild(li);
      });
    }
  }

  function run() {
    var query = input.value.trim();
    last = query;
    var url = new URL(location.href);
    if (query) url.searchParams.set('q', query); else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    search(query);
  }

  window.tracebriefSearch = {
    index: function (given) {
      index = given;
      index.fold.split('|').forEach(function (pair) { var c = Array.from(pair)[0]; fold[c] = pair.slice(c.length); });
      spelling = index.spelling.map(function (p) { return p.split('>'); });
      index.stop.forEach(function (w) { stop[w] = true; });
      input = document.getElementById('q');
      status = document.getElementById('search-status');
      list = document.getElementById('results');
      if (!input) return;
      status.dataset.hint = status.textContent;
      var form = input.form;
      form.addEventListener('submit', function (e) { e.preventDefault(); run(); });
      input.addEventListener('input', run);
      var q = new URLSearchParams(location.search).get('q');
      if (q) { input.value = q; run(); }
    },
    terms: function (shard, found) { shards[shard] = found; },
    docs: function (n, found) { docs[n] = found; },
  };
})();
