"""``--format html``: one self-contained HTML page an editor reads in a browser.

Per file: the score and the passage scores, the article with every finding
highlighted in place (colour and border style by severity, category on hover or
focus), and a side list with each finding's message, suggestion, the rule's
"why" and the related span of a duplicate. A summary table sorts the files by
score. A little inline script adds filters and keyboard navigation; without it
the page still reads and prints.

Everything that comes from an article or a rule is escaped with
``html.escape``; the page also carries a Content-Security-Policy that lets only
its own inline script (by hash) run, so even a mistake in escaping could not run
an article's script. Nothing is loaded from the network.
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TextIO

from checker.finding import CATEGORIES, Finding
from checker.messages import label
from checker.report import FileReport, RunReport

__all__ = ["render", "render_html"]

_SEVERITIES = ("critical", "major", "minor", "info")

_CSS = """
:root{--crit:#8b0000;--major:#c62828;--minor:#b26a00;--info:#1565c0;--bg:#fff;--fg:#1b1b1b;--muted:#5f6368;--line:#ddd}
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);margin:0;padding:0 1rem 3rem}
header.top{position:sticky;top:0;background:var(--bg);border-bottom:1px solid var(--line);padding:.5rem 0;z-index:2}
h1{font-size:1.3rem;margin:.3rem 0}h2{font-size:1.1rem;margin:1.5rem 0 .4rem;word-break:break-all}
table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}th,td{border:1px solid var(--line);padding:.2rem .5rem;text-align:left;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.scroll{overflow-x:auto;max-width:100%}.summary td:first-child{overflow-wrap:anywhere}
.file{border-top:3px solid var(--line);margin-top:1.5rem}
.cols{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1rem;align-items:start}
@media (max-width:800px){.cols{grid-template-columns:minmax(0,1fr)}}
.article{white-space:pre-wrap;overflow-wrap:anywhere;font-family:Georgia,"Times New Roman",serif;line-height:1.7;border:1px solid var(--line);padding:.75rem;border-radius:4px}
mark.hl{background:transparent;color:inherit;border-bottom:3px solid;cursor:pointer;position:relative}
mark.sev-critical{background:#f8d7da;border-bottom-style:double;border-color:var(--crit)}
mark.sev-major{background:#fde2e1;border-color:var(--major)}
mark.sev-minor{background:#fff1cc;border-bottom-style:dashed;border-color:var(--minor)}
mark.sev-info{background:#e3f0fd;border-bottom-style:dotted;border-color:var(--info)}
mark.hl:focus{outline:2px solid #000;outline-offset:1px}
mark.hl:hover::after,mark.hl:focus::after{content:attr(data-label);position:absolute;left:0;top:100%;background:#222;color:#fff;font:12px/1.3 system-ui,sans-serif;padding:2px 5px;border-radius:3px;white-space:nowrap;z-index:3}
mark.current{outline:2px solid #000}
ol.findings{list-style:none;padding:0;margin:0;font-size:.92rem}
ol.findings li{border-left:4px solid var(--line);padding:.2rem .5rem;margin:0 0 .4rem}
ol.findings li.sev-critical{border-color:var(--crit)}ol.findings li.sev-major{border-color:var(--major)}
ol.findings li.sev-minor{border-color:var(--minor)}ol.findings li.sev-info{border-color:var(--info)}
ol.findings li:target,ol.findings li.current{background:#fffbe6}
summary{cursor:pointer}.code{font-weight:600}.sev{font-variant:small-caps}.muted{color:var(--muted)}
.why{white-space:pre-wrap}.error{color:var(--major);font-weight:600}
.filters{font-size:.85rem;display:flex;flex-wrap:wrap;gap:.3rem .8rem}.filters fieldset{border:0;padding:0;margin:0}
.filters legend{font-weight:600;float:left;margin-right:.4rem}
.hide-hl{background:transparent!important;border-bottom:0!important}
li.hide-item{display:none}
kbd{border:1px solid var(--line);border-radius:3px;padding:0 .3rem;font-size:.8rem}
@media print{header.top{position:static}.filters,.keys{display:none}.cols{grid-template-columns:minmax(0,1fr)}
 .file{break-before:page}mark.hl::after{content:none!important}details>*{display:block}a{color:inherit;text-decoration:none}}
"""

_JS = """
(function(){
var marks=[].slice.call(document.querySelectorAll('mark.hl[id]'));
var pos=-1;
function item(m){return document.getElementById(m.getAttribute('data-item'));}
function show(m){
  [].forEach.call(document.querySelectorAll('.current'),function(e){e.classList.remove('current');});
  var it=item(m);m.classList.add('current');
  if(it){it.classList.add('current');var d=it.querySelector('details');if(d){d.open=true;}
    it.scrollIntoView({block:'nearest'});}
  m.focus({preventScroll:true});m.scrollIntoView({block:'center'});
  pos=marks.indexOf(m);
}
function visible(m){return !m.classList.contains('hide-hl');}
function step(d){
  if(!marks.length){return;}
  for(var k=0;k<marks.length;k++){pos=(pos+d+marks.length)%marks.length;if(visible(marks[pos])){show(marks[pos]);return;}}
}
document.addEventListener('click',function(e){
  var m=e.target.closest&&e.target.closest('mark.hl');
  if(m){e.preventDefault();e.stopPropagation();
    var first=document.getElementById(m.getAttribute('data-first'))||m;show(first);}
});
document.addEventListener('keydown',function(e){
  if(e.target&&(e.target.tagName==='INPUT'||e.target.tagName==='TEXTAREA')){return;}
  if(e.altKey||e.ctrlKey||e.metaKey){return;}
  if(e.key==='j'||e.key==='n'){step(1);e.preventDefault();}
  else if(e.key==='k'||e.key==='p'){step(-1);e.preventDefault();}
  else if(e.key==='Enter'&&e.target.classList&&e.target.classList.contains('hl')){show(e.target);}
});
function filter(){
  var off={};
  [].forEach.call(document.querySelectorAll('.filters input'),function(i){if(!i.checked){off[i.value]=1;}});
  [].forEach.call(document.querySelectorAll('[data-sev]'),function(e){
    var hide=off['sev:'+e.getAttribute('data-sev')]||off['cat:'+e.getAttribute('data-cat')];
    e.classList.toggle(e.tagName==='MARK'?'hide-hl':'hide-item',!!hide);
  });
}
[].forEach.call(document.querySelectorAll('.filters'),function(f){f.hidden=false;f.addEventListener('change',filter);});
[].forEach.call(document.querySelectorAll('.keys'),function(f){f.hidden=false;});
window.addEventListener('beforeprint',function(){[].forEach.call(document.querySelectorAll('details'),function(d){d.open=true;});});
})();
"""

_JS_HASH = base64.b64encode(hashlib.sha256(_JS.encode("utf-8")).digest()).decode("ascii")
#: Only the page's own script (by hash) and inline styles; no network, no plugin, no form target.
CSP = (f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{_JS_HASH}'; img-src data:; "
       "base-uri 'none'; form-action 'none'")


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _fmt_score(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def _describe(suggestion: str) -> str:
    if not suggestion:
        return "(remove it)"
    if not suggestion.strip():
        return {" ": "(one space)", "\u00a0": "(a no-break space)", "\u202f": "(a narrow no-break space)"}.get(
            suggestion, "(white space)")
    return suggestion


def _highlight(text: str, findings: list[Finding], fid: str) -> str:
    """The article with a <mark> per finding. Crossing spans are split into fragments (same data-item)."""
    opens: dict[int, list[int]] = {}
    closes: dict[int, list[int]] = {}
    for i, f in enumerate(findings):
        if f.end <= f.start:
            continue
        opens.setdefault(f.start, []).append(i)
        closes.setdefault(f.end, []).append(i)
    bounds = sorted(set(opens) | set(closes) | {0, len(text)})
    out: list[str] = []
    stack: list[int] = []
    parts: dict[int, int] = {}

    def open_tag(i: int) -> str:
        f = findings[i]
        n = parts.get(i, 0)
        parts[i] = n + 1
        first = f"m-{fid}-{i}"
        ident = first if n == 0 else f"{first}-{n}"
        label = f"{f.code} · {f.category} · {f.severity.value}"
        return (f'<mark class="hl sev-{f.severity.value}" id="{ident}" tabindex="0" data-f="{i}" '
                f'data-item="f-{fid}-{i}" data-first="{first}" data-sev="{f.severity.value}" '
                f'data-cat="{_e(f.category)}" data-label="{_e(label)}" title="{_e(label)}">')

    prev = 0
    for b in bounds:
        if b > prev:
            out.append(_e(text[prev:b]))
        prev = max(prev, b)
        ending = set(closes.get(b, ()))
        if ending:
            # Close down to the deepest ending mark, then reopen the ones that go on.
            reopen: list[int] = []
            while ending & set(stack):
                top = stack.pop()
                out.append("</mark>")
                if top in ending:
                    ending.discard(top)
                else:
                    reopen.append(top)
            for i in reversed(reopen):
                out.append(open_tag(i))
                stack.append(i)
        # Longer spans open first so that they enclose the shorter ones.
        for i in sorted(opens.get(b, ()), key=lambda k: -findings[k].end):
            out.append(open_tag(i))
            stack.append(i)
    out.extend("</mark>" for _ in stack)
    return "".join(out)


def _finding_item(report: FileReport, f: Finding, i: int, fid: str, whys: Mapping[str, str],
                  lang: str | None = None) -> str:
    doc = report.document
    assert doc is not None
    line, col = doc.position(f.start)
    sev = f.severity.value
    parts = [f'<li id="f-{fid}-{i}" class="sev-{sev}" data-sev="{sev}" data-cat="{_e(f.category)}">',
             f'<details><summary><a href="#m-{fid}-{i}" class="code">{_e(f.code)}</a> '
             f'<span class="sev">{_e(sev)}</span> <span class="muted">{line}:{col}</span> {_e(f.message)}</summary>',
             f'<div class="muted">{_e(f.rule)} · {_e(f.category)} ({_e(CATEGORIES.get(f.category, "Other"))})</div>']
    if f.suggestions:
        sugg = ", ".join(f"<q>{_e(_describe(s))}</q>" for s in f.suggestions)
        parts.append(f"<div>{label('Suggestion', lang)} : {sugg}</div>" if lang == "fr"
                     else f"<div>Suggestion: {sugg}</div>")
    if f.related is not None:
        rs, re_ = f.related
        rline, _ = doc.position(rs)
        excerpt = doc.text[rs:re_]
        if len(excerpt) > 160:
            excerpt = excerpt[:157] + "…"
        parts.append(f'<div>{label("Related", lang)} ({label("line", lang)} {rline}): <q>{_e(excerpt)}</q></div>')
    why = whys.get(f.code)
    if why:
        parts.append(f'<div class="why">{_e(why.strip())}</div>')
    parts.append("</details></li>")
    return "".join(parts)


def _file_section(report: FileReport, fid: str, whys: Mapping[str, str],
                  why_of: Callable[[str, str | None], str | None] | None = None,
                  message_lang: str | None = None) -> str:
    lang = message_lang or (report.lang.split("-")[0].lower() if report.lang and report.lang != "und" else None)
    if why_of is not None:
        whys = {f.code: why_of(f.code, lang) or "" for f in report.findings}
    out = [f'<section class="file" id="file-{fid}"><h2>{_e(report.path)}</h2>']
    if report.error:
        out.append(f'<p class="error">Could not be checked: {_e(report.error[1])}</p></section>')
        return "".join(out)
    doc = report.document
    assert doc is not None
    status = "passed" if report.passed else "failed"
    out.append(f'<p>Score <strong>{_fmt_score(report.score)}</strong> · {report.words} words · '
               f'language {_e(report.lang or "und")} · {len(report.findings)} findings · {status}</p>')
    for x in report.failures:
        out.append(f'<p class="error">Rule {_e(x.code)} ({_e(x.rule)}) failed: {_e(x.message)}</p>')
    scored = [p for p in report.passages if p.penalty > 0]
    if scored:
        out.append('<details><summary>Passage scores</summary><div class="scroll"><table><thead><tr><th>passage</th><th>lines</th>'
                   '<th>words</th><th>score</th><th>starts with</th></tr></thead><tbody>')
        for p in sorted(report.passages, key=lambda p: (p.score, p.index)):
            l1, _ = doc.position(p.start)
            l2, _ = doc.position(max(p.start, p.end - 1))
            head = " ".join(doc.text[p.start:p.end].split()[:8])
            out.append(f'<tr><td class="num">{p.index}</td><td>{l1 if l1 == l2 else f"{l1}–{l2}"}</td>'
                       f'<td class="num">{p.words}</td><td class="num">{_fmt_score(p.score)}</td><td>{_e(head)}</td></tr>')
        out.append("</tbody></table></div></details>")
    out.append('<div class="cols"><div class="article" lang="' + _e(report.lang or "") + '">')
    out.append(_highlight(doc.text, report.findings, fid))
    out.append('</div><ol class="findings">')
    out.extend(_finding_item(report, f, i, fid, whys, lang) for i, f in enumerate(report.findings))
    out.append("</ol></div></section>")
    return "".join(out)


def _filters(files: list[FileReport]) -> str:
    sevs = [s for s in _SEVERITIES if any(f.severity.value == s for r in files for f in r.findings)]
    cats = sorted({f.category for r in files for f in r.findings})
    if not sevs:
        return ""
    boxes = "".join(f'<label><input type="checkbox" value="sev:{s}" checked> {s}</label> ' for s in sevs)
    cboxes = "".join(f'<label><input type="checkbox" value="cat:{_e(c)}" checked> {_e(c)}</label> ' for c in cats)
    return (f'<form class="filters" hidden><fieldset><legend>Severity</legend>{boxes}</fieldset>'
            f'<fieldset><legend>Category</legend>{cboxes}</fieldset></form>'
            '<p class="keys muted" hidden><kbd>j</kbd>/<kbd>n</kbd> next finding, <kbd>k</kbd>/<kbd>p</kbd> previous; '
            'click a highlight for its details.</p>')


def render_html(report: RunReport, stream: TextIO, *, whys: Mapping[str, str] | None = None,
                title: str = "mtlint report", why_of: Callable[[str, str | None], str | None] | None = None,
                message_lang: str | None = None) -> None:
    """Write the report page.

    `whys` maps rule codes to their explanations (shown per finding); `why_of(code, lang)`
    gives them in a language instead: `message_lang`, else each file's language.
    """
    whys = whys or {}
    files = list(report.files)
    stream.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                 f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
                 '<meta name="viewport" content="width=device-width, initial-scale=1">'
                 f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>")
    s = report.summary()
    sev_text = ", ".join(f"{n} {k}" for k, n in s["by_severity"].items()) or "none"
    stream.write(f'<header class="top"><h1>{_e(title)}</h1><p>{s["issues"]} findings in {s["files"]} files '
                 f'({_e(sev_text)})')
    if "mean_score" in s:
        stream.write(f'; mean score {s["mean_score"]:.1f}')
    stream.write("</p>" + _filters(files) + "</header>")
    ids = {id(f): str(n) for n, f in enumerate(files)}
    order = sorted(files, key=lambda f: (f.score if f.score is not None else -1.0, f.path))
    stream.write('<div class="scroll"><table class="summary"><thead><tr><th>file</th><th>score</th><th>words</th><th>findings</th>'
                 '<th>critical</th><th>major</th><th>minor</th><th>info</th></tr></thead><tbody>')
    for f in order:
        counts = {k: sum(1 for x in f.findings if x.severity.value == k) for k in _SEVERITIES}
        score = "error" if f.error else _fmt_score(f.score)
        stream.write(f'<tr><td><a href="#file-{ids[id(f)]}">{_e(f.path)}</a></td><td class="num">{score}</td>'
                     f'<td class="num">{f.words}</td><td class="num">{len(f.findings)}</td>'
                     + "".join(f'<td class="num">{counts[k]}</td>' for k in _SEVERITIES) + "</tr>")
    stream.write("</tbody></table></div>")
    for f in files:
        stream.write(_file_section(f, ids[id(f)], whys, why_of, message_lang))
    stream.write(f"<script>{_JS}</script></body></html>\n")


def rule_whys(rules: Iterable[Any]) -> dict[str, str]:
    """code → why, from loaded rules."""
    return {r.code: r.why for r in rules}


def render(report: RunReport, stream: TextIO, color: bool = False) -> None:
    """The formatter interface: the rule explanations come from the built-in rules."""
    from checker.rules import builtin_rules_dir, load_rules

    render_html(report, stream, whys=rule_whys(load_rules([builtin_rules_dir()]).rules))



def why_lookup(rules: Iterable[Any]) -> Callable[[str, str | None], str | None]:
    """code, language → the rule's explanation in that language (English when it has none)."""
    from checker.messages import rule_text

    by_code = {r.code: r for r in rules}

    def why_of(code: str, lang: str | None) -> str | None:
        rule = by_code.get(code)
        return rule_text(rule, lang)[1] if rule is not None else None

    return why_of


def html_renderer(rules: Iterable[Any], message_lang: str | None = None) -> Callable[[RunReport, TextIO, bool], None]:
    """A formatter that shows the explanations of these rules (extra packs included), in `message_lang`."""
    why_of = why_lookup(rules)

    def render_with(report: RunReport, stream: TextIO, color: bool = False) -> None:
        render_html(report, stream, why_of=why_of, message_lang=message_lang)

    return render_with
