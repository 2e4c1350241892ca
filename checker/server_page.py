"""The page ``mtlint serve`` shows at ``/``: paste or drop an article, see it highlighted.

The page posts the text to ``/api/html`` and shows the returned report (the same
page as ``--format html``) in a sandboxed frame: the report's navigation script
runs there, in an opaque origin, and nothing from the article can reach this page.
"""

from __future__ import annotations

import base64

from checker.flatstore import sha256
from checker.formats.html import _JS_HASH

_JS = """
(function(){
var form=document.getElementById('f'),text=document.getElementById('text'),lang=document.getElementById('lang'),
    status=document.getElementById('status'),frame=document.getElementById('report');
function check(){
  status.textContent='Checking…';
  fetch('/api/html',{method:'POST',headers:{'Content-Type':'application/json'},
    body:JSON.stringify({text:text.value,lang:lang.value,markdown:document.getElementById('md').checked})})
  .then(function(r){return r.text().then(function(b){return [r,b];});})
  .then(function(x){
    if(!x[0].ok){var m=x[1];try{m=JSON.parse(x[1]).error.message;}catch(e){}status.textContent='Error: '+m;return;}
    frame.srcdoc=x[1];frame.hidden=false;status.textContent='';
  }).catch(function(e){status.textContent='Error: '+e;});
}
form.addEventListener('submit',function(e){e.preventDefault();check();});
text.addEventListener('dragover',function(e){e.preventDefault();});
text.addEventListener('drop',function(e){
  var f=e.dataTransfer&&e.dataTransfer.files&&e.dataTransfer.files[0];if(!f){return;}
  e.preventDefault();var r=new FileReader();
  r.onload=function(){text.value=r.result;document.getElementById('md').checked=/\\.(md|markdown)$/i.test(f.name);check();};
  r.readAsText(f);
});
})();
"""

_HASH = base64.b64encode(sha256(_JS.encode("utf-8")).digest()).decode("ascii")

#: The page's script and the report's (the sandboxed srcdoc frame inherits this policy).
PAGE_CSP = (f"default-src 'none'; script-src 'sha256-{_HASH}' 'sha256-{_JS_HASH}'; style-src 'unsafe-inline'; "
            "connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>mtlint</title><style>
body{{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:1400px;padding:0 1rem}}
textarea{{width:100%;min-height:12rem;font:15px/1.5 Georgia,serif;box-sizing:border-box}}
iframe{{width:100%;height:80vh;border:1px solid #ccc;margin-top:1rem}} .row{{display:flex;gap:1rem;flex-wrap:wrap;align-items:center;margin:.5rem 0}}
</style></head><body>
<h1>mtlint</h1>
<form id="f"><label for="text">Paste an article, or drop a .txt or .md file here:</label>
<textarea id="text" name="text" spellcheck="false"></textarea>
<div class="row"><label>Language <select id="lang"><option value="auto">detect</option><option value="fr">French</option>
<option value="en">English</option><option value="de">German</option><option value="es">Spanish</option>
<option value="it">Italian</option><option value="pt">Portuguese</option></select></label>
<label><input type="checkbox" id="md"> Markdown</label><button type="submit" id="go">Check</button>
<span id="status" role="status"></span></div></form>
<iframe id="report" title="report" sandbox="allow-scripts" hidden></iframe>
<p><small>The same server answers LanguageTool clients at <code>/v2/check</code>.</small></p>
<script>{_JS}</script></body></html>
"""
