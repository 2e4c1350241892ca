"""``mtlint serve``: one warm ``Linter`` behind HTTP, speaking LanguageTool's API and mtlint's own.

Routes (docs/server.md):

- ``POST /v2/check``, ``GET /v2/languages``: LanguageTool's HTTP API, so the
  tools editors already use (browser add-ons, LibreOffice, LTeX,
  language-tool-python) can point at mtlint.
- ``POST /api/check``: the contract's JSON for one text (``FileReport.to_dict()``).
- ``POST /api/html``: the HTML report of one text; ``GET /`` is a page that shows it.

Built on Starlette (routing, form parsing) served by uvicorn (HTTP parsing,
keep-alive, concurrency): the ``server`` extra, imported only by this module.
Every request body is read through a size limit (413 beyond it), every check runs
in a worker thread under a deadline (503 past it), every error is JSON with a 4xx
or 5xx status, and no request can name a file: texts come in the request, nothing
is read from disk after start-up.
"""

from __future__ import annotations

import bisect
import json
import threading
from collections.abc import Awaitable, Callable, Iterable, Mapping, MutableMapping
from typing import Any

from checker._version import __version__
from checker.dataclass import dataclass
from checker.errors import MtlintError, UsageError
from checker.finding import CATEGORIES, Finding, Severity
from checker.linter import Linter
from checker.report import FileReport

__all__ = ["ISSUE_TYPES", "ServerSettings", "create_app", "lt_response", "serve"]

#: mtlint category → ITS 2.0 localization-quality issue type (LanguageTool's ``issueType``).
ISSUE_TYPES: Mapping[str, str] = {
    "acronym-homoglyph": "mistranslation",
    "mangled-name": "inconsistent-entities",
    "untranslated": "untranslated",
    "duplication": "duplication",
    "non-word": "misspelling",
    "grammar": "grammar",
    "punctuation": "typographical",
    "locale-format": "locale-violation",
    "calque": "style",
    "inconsistency": "inconsistency",
    "encoding": "characters",
    "boilerplate": "addition",
    "glued-words": "whitespace",
    "truncation": "omission",
    "social-embed": "markup",
    "dangling-reference": "markup",
    "number-mismatch": "numbers",
    "omission": "omission",
}

#: Regional tags listed by ``/v2/languages`` (clients such as language-tool-python check the tag they are given).
VARIANTS: Mapping[str, tuple[str, ...]] = {
    "fr": ("fr-FR", "fr-CA", "fr-BE", "fr-CH"),
    "en": ("en-US", "en-GB", "en-CA", "en-AU"),
    "de": ("de-DE", "de-AT", "de-CH"),
    "es": ("es-ES",),
    "it": ("it-IT",),
    "pt": ("pt-PT", "pt-BR"),
}

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


@dataclass(frozen=True)
class ServerSettings:
    """Limits of one server."""

    max_bytes: int = 1_000_000
    timeout: float = 30.0
    #: Rule selections built on demand for ``enabledRules`` of rules off by default (kept, at most this many).
    max_linters: int = 8


class ApiError(Exception):
    """An error answered as JSON: ``{"error": {"code": …, "message": …}}``."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


# ----------------------------------------------------------------- UTF-16 and text
class Utf16:
    """Code-point offsets → UTF-16 code units for one text (identity when it has no astral character)."""

    def __init__(self, text: str) -> None:
        self.astral = [] if text.isascii() else [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]

    def __call__(self, offset: int) -> int:
        return offset + bisect.bisect_left(self.astral, offset) if self.astral else offset


def _sentence(text: str, start: int, end: int, limit: int = 400) -> tuple[int, int]:
    """The sentence around [start, end): from after the previous . ! ? … or line break to the next one."""
    lo = start
    floor = max(0, start - limit)
    while lo > floor:
        ch = text[lo - 1]
        if ch in "\r\n" or (ch in ".!?…" and lo < len(text) and text[lo].isspace()):
            break
        lo -= 1
    while lo < start and text[lo].isspace():
        lo += 1
    hi = end
    ceil = min(len(text), end + limit)
    while hi < ceil and text[hi] not in "\r\n":
        hi += 1
        if text[hi - 1] in ".!?…" and (hi >= len(text) or text[hi].isspace()):
            break
    return lo, max(hi, end)


def _annotated(raw: str) -> str:
    """LanguageTool's ``data`` field: text and markup parts; markup becomes spaces of the same UTF-16 length."""
    try:
        data = json.loads(raw)
    except ValueError:
        raise ApiError(400, "bad-data", "'data' is not valid JSON") from None
    parts = data.get("annotation") if isinstance(data, dict) else None
    if not isinstance(parts, list):
        raise ApiError(400, "bad-data", "'data' must be an object with an 'annotation' list")
    out: list[str] = []
    for part in parts:
        if not isinstance(part, dict):
            raise ApiError(400, "bad-data", "each annotation must be an object with 'text' or 'markup'")
        if isinstance(part.get("text"), str):
            out.append(part["text"])
        elif isinstance(part.get("markup"), str):
            markup = part["markup"]
            # Markup is not checked; an interpretAs of only line breaks keeps passages apart.
            interpret = part.get("interpretAs")
            blank = "".join("\n" if ch == "\n" else " " * (2 if ord(ch) > 0xFFFF else 1) for ch in markup)
            if isinstance(interpret, str) and "\n" in interpret and "\n" not in blank and blank:
                blank = "\n" + blank[1:]
            out.append(blank)
        else:
            raise ApiError(400, "bad-data", "each annotation must have a string 'text' or 'markup'")
    return "".join(out)


def _names(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def _category_key(value: str) -> str:
    """Category ids as LanguageTool clients write them (``NON_WORD``) or as mtlint does (``non-word``)."""
    return value.strip().lower().replace("_", "-")


# ------------------------------------------------------------------ LanguageTool JSON
def lt_language(tag: str) -> dict[str, str]:
    """``{"name", "code"}`` as LanguageTool writes a language."""
    from checker.lang import display_name

    if tag in ("", "und"):
        return {"name": "Undetermined", "code": "und"}
    return {"name": display_name(tag), "code": tag}


def lt_match(text: str, f: Finding, u16: Utf16, names: Mapping[str, str], context: int = 40) -> dict[str, Any]:
    """One finding as a LanguageTool match (offsets in UTF-16 code units)."""
    cs, ce = max(0, f.start - context), min(len(text), f.end + context)
    ctx = text[cs:ce]
    s_lo, s_hi = _sentence(text, f.start, f.end)
    return {
        "message": f.message,
        "shortMessage": CATEGORIES.get(f.category, f.category),
        "replacements": [{"value": s} for s in f.suggestions],
        "offset": u16(f.start),
        "length": u16(f.end) - u16(f.start),
        "context": {"text": ctx, "offset": u16(f.start) - u16(cs), "length": u16(f.end) - u16(f.start)},
        "sentence": text[s_lo:s_hi],
        "type": {"typeName": "Other" if f.severity is not Severity.INFO else "Hint"},
        "rule": {
            "id": f.code,
            "subId": f.rule,
            "description": names.get(f.code, f.rule),
            "issueType": ISSUE_TYPES.get(f.category, "uncategorized"),
            "category": {"id": f.category.upper().replace("-", "_"), "name": f.category},
            "severity": f.severity.value,
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def lt_response(report: FileReport, findings: Iterable[Finding], requested: str, names: Mapping[str, str]) -> dict[str, Any]:
    """The body of ``/v2/check`` for one checked text."""
    doc = report.document
    text = doc.text if doc is not None else ""
    u16 = Utf16(text)
    detected = report.lang or "und"
    language = lt_language(detected if requested == "auto" else requested)
    language["detectedLanguage"] = {**lt_language(detected), "confidence": 0.9 if detected != "und" else 0.0}
    return {
        "software": {"name": "mtlint", "version": __version__, "buildDate": None, "apiVersion": 1,
                     "premium": False, "status": ""},
        "warnings": {"incompleteResults": False},
        "language": language,
        "matches": [lt_match(text, f, u16, names) for f in findings],
    }


# ----------------------------------------------------------------- the service
class Service:
    """The warm linter(s) and what the routes do with them (no HTTP here)."""

    def __init__(self, linter: Linter, settings: ServerSettings) -> None:
        self.linter = linter
        self.settings = settings
        self.lock = threading.Lock()
        rules = linter.ruleset.rules
        self.names = {r.code: r.name for r in rules}
        from checker.formats.html import why_lookup

        self.why_of = why_lookup(rules)
        self.codes = {r.code for r in rules}
        self._extra: dict[frozenset[str], Linter] = {}

    def _linter_for(self, enabled: list[str]) -> Linter:
        """The warm linter, or one that also runs rules off by default that a request enables by code."""
        running = set(self.linter.rule_codes)
        wanted = frozenset(c for c in enabled if c in self.codes and c not in running)
        if not wanted:
            return self.linter
        found = self._extra.get(wanted)
        if found is None:
            if len(self._extra) >= self.settings.max_linters:
                self._extra.pop(next(iter(self._extra)))
            base = self.linter.config
            select = tuple(base.select or ("ALL",)) + tuple(sorted(wanted))
            found = Linter(base, select=select)
            self._extra[wanted] = found
        return found

    def language(self, value: str | None) -> str | None:
        if value is None or value.strip().lower() in ("", "auto"):
            return None
        try:
            return self.linter.language(value)
        except UsageError as exc:
            raise ApiError(400, "bad-language", str(exc)) from None

    def check(self, text: str, *, lang: str | None, markdown: bool = False, enabled: list[str] | None = None) -> FileReport:
        """Check one text (serialised: a Linter is not shared between threads)."""
        linter = self._linter_for(enabled or [])
        with self.lock:
            try:
                return linter.check_text(text, lang=lang, markdown=markdown)
            except UsageError as exc:
                raise ApiError(400, "bad-request", str(exc)) from None

    def lt_check(self, form: Mapping[str, str]) -> dict[str, Any]:
        if "text" in form:
            text = form["text"]
        elif "data" in form:
            text = _annotated(form["data"])
        else:
            raise ApiError(400, "missing-text", "give the text to check in 'text' or 'data'")
        requested = (form.get("language") or "auto").strip()
        lang = self.language(requested)
        enabled_rules = [r.upper() for r in _names(form.get("enabledRules"))]
        disabled_rules = {r.upper() for r in _names(form.get("disabledRules"))}
        enabled_cats = {_category_key(c) for c in _names(form.get("enabledCategories"))}
        disabled_cats = {_category_key(c) for c in _names(form.get("disabledCategories"))}
        only = (form.get("enabledOnly") or "").strip().lower() == "true"
        if only and not enabled_rules and not enabled_cats:
            raise ApiError(400, "bad-request", "enabledOnly=true needs enabledRules or enabledCategories")
        picky = (form.get("level") or "default").strip().lower() == "picky"
        report = self.check(text, lang=lang, enabled=enabled_rules)
        if report.error:
            raise ApiError(400, report.error[0], report.error[1])

        def keep(f: Finding) -> bool:
            if only:
                return f.code in enabled_rules or f.category in enabled_cats
            if f.code in disabled_rules or f.category in disabled_cats:
                return False
            # The default level leaves out hints (info); picky shows them, as LanguageTool's picky rules.
            return picky or f.severity is not Severity.INFO or f.code in enabled_rules

        shown = [f for f in report.findings if keep(f)]
        return lt_response(report, shown, requested if lang is None else lang, self.names)

    def languages(self) -> list[dict[str, str]]:
        """Every language with rules or a word list, and the regional variants clients ask for by name."""
        from checker.lang import display_name

        out = []
        for code in sorted(self.linter.languages()):
            out.append({"name": display_name(code), "code": code, "longCode": code})
            for variant in VARIANTS.get(code, ()):
                out.append({"name": display_name(variant), "code": code, "longCode": variant})
        return out


# -------------------------------------------------------------------- ASGI
class BodyLimit:
    """ASGI middleware: reads the whole body through a size limit, answering 413 past it."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await _send_error(send, 400, "bad-request", "bad Content-Length")
                    return
                if declared > self.max_bytes:
                    await _send_error(send, 413, "too-large", f"the request is larger than {self.max_bytes} bytes")
                    return
        chunks: list[bytes] = []
        total = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            total += len(body)
            if total > self.max_bytes:
                await _send_error(send, 413, "too-large", f"the request is larger than {self.max_bytes} bytes")
                return
            chunks.append(body)
            if not message.get("more_body", False):
                break
        whole = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": whole, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _send_error(send: Send, status: int, code: str, message: str) -> None:
    body = json.dumps({"error": {"code": code, "message": message}}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


def create_app(linter: Linter, settings: ServerSettings | None = None) -> ASGIApp:
    """The ASGI application of ``mtlint serve`` (needs the ``server`` extra)."""
    try:
        import anyio
        from starlette.applications import Starlette
        from starlette.exceptions import HTTPException
        from starlette.requests import Request
        from starlette.responses import HTMLResponse, JSONResponse, Response
        from starlette.routing import Route
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise UsageError(f"mtlint serve needs the server extra: pip install 'mtlint[server]' ({exc})") from None

    settings = settings or ServerSettings()
    service = Service(linter, settings)

    async def run(fn: Callable[[], Any]) -> Any:
        try:
            with anyio.fail_after(settings.timeout):
                return await anyio.to_thread.run_sync(fn, abandon_on_cancel=True)
        except TimeoutError:
            raise ApiError(503, "timeout", f"the check took longer than {settings.timeout:g} s") from None

    async def fields(request: Request) -> dict[str, str]:
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        out: dict[str, str] = {k: v for k, v in request.query_params.items()}
        if request.method == "POST":
            if ctype in ("application/x-www-form-urlencoded", "multipart/form-data"):
                try:
                    form = await request.form()
                except Exception as exc:  # noqa: BLE001 - any parse error is the client's
                    raise ApiError(400, "bad-form", f"cannot read the form: {exc}") from None
                for key, value in form.items():
                    if isinstance(value, str):
                        out[key] = value
                    else:  # an uploaded file: its bytes, never a path
                        out[key] = _decode(await value.read())
            elif ctype == "application/json":
                try:
                    data = json.loads(await request.body())
                except ValueError:
                    raise ApiError(400, "bad-json", "the body is not valid JSON") from None
                if not isinstance(data, dict):
                    raise ApiError(400, "bad-json", "the body must be a JSON object")
                for key, value in data.items():
                    if isinstance(value, bool):
                        out[key] = "true" if value else "false"
                    elif isinstance(value, str):
                        out[key] = value
            elif ctype in ("text/plain", "text/markdown", ""):
                out["text"] = _decode(await request.body())
            else:
                raise ApiError(415, "bad-media-type", f"unsupported Content-Type {ctype!r}")
        return out

    async def v2_check(request: Request) -> Response:
        form = await fields(request)
        return JSONResponse(await run(lambda: service.lt_check(form)))

    async def v2_languages(request: Request) -> Response:
        return JSONResponse(service.languages())

    def _text_request(form: Mapping[str, str]) -> tuple[str, str | None, bool]:
        if "text" not in form:
            raise ApiError(400, "missing-text", "give the text to check in 'text'")
        lang = service.language(form.get("lang") or form.get("language"))
        markdown = (form.get("markdown") or "").lower() in ("true", "1", "yes")
        return form["text"], lang, markdown

    async def api_check(request: Request) -> Response:
        text, lang, markdown = _text_request(await fields(request))
        report = await run(lambda: service.check(text, lang=lang, markdown=markdown))
        return JSONResponse(report.to_dict())

    async def api_html(request: Request) -> Response:
        text, lang, markdown = _text_request(await fields(request))

        def page() -> str:
            import io

            from checker.formats.html import render_html

            report = service.check(text, lang=lang, markdown=markdown)
            report.path = "pasted article"
            buf = io.StringIO()
            render_html(service.linter.report([report]), buf, why_of=service.why_of,
                        message_lang=service.linter.config.message_lang)
            return buf.getvalue()

        return HTMLResponse(await run(page))

    async def index(request: Request) -> Response:
        from checker.server_page import PAGE

        return HTMLResponse(PAGE, headers={"Content-Security-Policy": PAGE_CSP})

    async def api_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        return JSONResponse({"error": {"code": exc.code, "message": exc.message}}, status_code=exc.status)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        code = {404: "not-found", 405: "method-not-allowed"}.get(exc.status_code, "http-error")
        return JSONResponse({"error": {"code": code, "message": str(exc.detail)}}, status_code=exc.status_code)

    async def internal_error(request: Request, exc: Exception) -> Response:
        message = str(exc) if isinstance(exc, MtlintError) else f"{type(exc).__name__}: {exc}"
        return JSONResponse({"error": {"code": "internal", "message": message}}, status_code=500)

    from checker.server_page import PAGE_CSP

    app = Starlette(
        routes=[
            Route("/", index, methods=["GET"]),
            Route("/v2/check", v2_check, methods=["GET", "POST"]),
            Route("/v2/languages", v2_languages, methods=["GET"]),
            Route("/api/check", api_check, methods=["POST"]),
            Route("/api/html", api_html, methods=["POST"]),
        ],
        exception_handlers={ApiError: api_error, HTTPException: http_error, Exception: internal_error},
    )
    return BodyLimit(app, settings.max_bytes)


def _decode(data: bytes) -> str:
    from checker.document import decode

    try:
        return decode(data, "<request>")
    except MtlintError as exc:
        raise ApiError(400, "bad-text", str(exc)) from None


def serve(linter: Linter, host: str = "127.0.0.1", port: int = 8081, settings: ServerSettings | None = None,
          log: Callable[[str], None] | None = None) -> None:
    """Run the server until interrupted (uvicorn)."""
    app = create_app(linter, settings)
    import uvicorn

    if log:
        log(f"mtlint serve: http://{host}:{port}/ (LanguageTool API at /v2/check)")
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False, timeout_graceful_shutdown=5)
