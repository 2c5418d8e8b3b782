"""Render the packaged (or the user's) Jinja2 templates safely, with errors that name the line.

Templates run in Jinja2's sandbox, so a template from ``--templates DIR`` cannot reach
Python internals. Every value is escaped for the format it lands in: HTML autoescape;
Markdown special characters; for the outline language, values cannot start a structure
line or break one (whitespace is folded, markers escaped). Missing values are errors
(StrictUndefined), and any failure becomes a TemplateError naming the file and line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.loaders import split_template_path
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from cchc.errors import ResourceMissingError
from cchc.generators.errors import TemplateError
from cchc.resources import read_text

PACKAGE = "cchc.templates"
_PACKAGED_PREFIX = "<cchc.templates>/"
_WS = re.compile(r"[ \t\r\n\f\v]+")  # not \s: the no-break spaces of blanks stay
_ASCII_SPACE = " \t\r\n\f\v"
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_MD_LINE_START = re.compile(r"^(\s*)([#+\-]|\d+\.)(?=\s|$)")


def outline_escape(value: Any) -> str:
    """One line of literal text in the outline language."""
    text = _WS.sub(" ", str(value)).strip(_ASCII_SPACE).replace("\\", "\\\\")
    return "\\" + text if text[:1] and text[:1] in "#+-@" else text


def markdown_escape(value: Any) -> str:
    """Literal text in Markdown: "1." stays a number we wrote, "*" stays a star."""
    text = _MD_SPECIAL.sub(r"\\\1", _WS.sub(" ", str(value)).strip(_ASCII_SPACE))
    return _MD_LINE_START.sub(lambda m: m.group(1) + m.group(2).replace(".", "\\.").replace("#", "\\#").replace("+", "\\+").replace("-", "\\-"), text)


def yaml_escape(value: Any) -> str:
    """Text inside a double-quoted YAML string (JSON escapes are YAML escapes)."""
    return json.dumps(_WS.sub(" ", str(value)).strip(_ASCII_SPACE), ensure_ascii=False)[1:-1]


def _finalizer(escape: Callable[[Any], str]) -> Callable[[Any], Any]:
    def finalize(value: Any) -> Any:
        if isinstance(value, Markup):  # already formatted by a filter we trust
            return value
        return escape(value if value is not None else "")

    return finalize


class _Loader(jinja2.BaseLoader):
    """The user's folder first (overrides), then the packaged templates."""

    def __init__(self, override: Path | None) -> None:
        self.override = override

    def get_source(self, environment: jinja2.Environment, template: str):
        pieces = split_template_path(template)  # TemplateNotFound for "..": no way out of the folder
        if self.override is not None:
            path = self.override.joinpath(*pieces)
            if not path.resolve().is_relative_to(self.override.resolve()):  # a link out of the folder
                raise jinja2.TemplateNotFound(template)
            if path.is_file():
                mtime = path.stat().st_mtime
                return path.read_text(encoding="utf-8"), str(path), lambda: path.stat().st_mtime == mtime
        try:
            return read_text(PACKAGE, template), _PACKAGED_PREFIX + template, lambda: True
        except ResourceMissingError:
            raise jinja2.TemplateNotFound(template) from None


# What a user's template may build: the sandbox stops attribute access, not "x" * 10**9.
MAX_VALUE_LENGTH = 1_000_000  # characters or items of one string or list built by an operator
MAX_OUTPUT_LENGTH = 5_000_000  # characters of a rendered template


class _BoundedSandbox(SandboxedEnvironment):
    """The sandbox, with ``*``, ``**`` and ``+`` unable to grow a value past the bound."""

    intercepted_binops = frozenset({"*", "**", "+"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int) and abs(right) > 1000:
            raise jinja2.exceptions.SecurityError("lũy thừa quá lớn")
        if operator == "*":
            for value, times in ((left, right), (right, left)):
                if isinstance(value, (str, list, tuple)) and isinstance(times, int) and len(value) * times > MAX_VALUE_LENGTH:
                    raise jinja2.exceptions.SecurityError(f"chuỗi hoặc danh sách vượt {MAX_VALUE_LENGTH:,} phần tử")
        if operator == "+" and isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
            if len(left) + len(right) > MAX_VALUE_LENGTH:
                raise jinja2.exceptions.SecurityError(f"chuỗi hoặc danh sách vượt {MAX_VALUE_LENGTH:,} phần tử")
        return super().call_binop(context, operator, left, right)


@lru_cache(maxsize=16)
def environment(fmt: str, override: Path | None = None) -> SandboxedEnvironment:
    """One sandboxed environment per output format (outline, yaml, md, html) and template folder."""
    escape = {"outline": outline_escape, "md": markdown_escape, "yaml": yaml_escape}.get(fmt)
    env = _BoundedSandbox(
        loader=_Loader(override),
        undefined=jinja2.StrictUndefined,
        autoescape=fmt == "html",
        finalize=_finalizer(escape) if escape else None,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    if fmt == "md":
        env.filters["md_row"] = lambda cells: Markup("| " + " | ".join(markdown_escape(c) for c in cells) + " |")
    return env


def _template_line(error: BaseException, names: set[str]) -> tuple[str | None, int | None]:
    """The deepest traceback frame that ran template code (Jinja maps it to template lines)."""
    found: tuple[str | None, int | None] = (None, None)
    tb = error.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename in names or filename.startswith(_PACKAGED_PREFIX) or filename.endswith(".j2"):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def _shown(filename: str | None, fallback: str) -> str:
    if not filename:
        return fallback
    return "templates/" + filename[len(_PACKAGED_PREFIX):] if filename.startswith(_PACKAGED_PREFIX) else filename


def render(name: str, context: dict[str, Any], fmt: str = "outline", override: Path | None = None) -> str:
    """Render template ``name``; any failure is a TemplateError with file and line."""
    env = environment(fmt, override.resolve() if override else None)
    try:
        template = env.get_template(name)
    except jinja2.TemplateNotFound as error:
        raise TemplateError(name, None, f"không tìm thấy tệp mẫu {error.name!r}") from None
    except jinja2.TemplateSyntaxError as error:
        raise TemplateError(_shown(error.filename, name), error.lineno, f"lỗi cú pháp: {error.message}") from None
    try:
        rendered = template.render(context)
        if len(rendered) > MAX_OUTPUT_LENGTH:
            raise TemplateError(name, None, f"kết quả mẫu quá dài ({len(rendered):,} ký tự, tối đa {MAX_OUTPUT_LENGTH:,})")
        return rendered
    except jinja2.TemplateSyntaxError as error:  # an included template
        raise TemplateError(_shown(error.filename, name), error.lineno, f"lỗi cú pháp: {error.message}") from None
    except jinja2.exceptions.SecurityError as error:
        filename, line = _template_line(error, {template.filename or ""})
        raise TemplateError(_shown(filename, name), line, f"thao tác không được phép trong mẫu ({error})") from None
    except jinja2.UndefinedError as error:
        filename, line = _template_line(error, {template.filename or ""})
        raise TemplateError(_shown(filename, name), line, f"giá trị không xác định ({error.message})") from None
    except TemplateError:
        raise
    except Exception as error:  # noqa: BLE001 - a template may fail in any way; the user needs the line
        filename, line = _template_line(error, {template.filename or ""})
        if filename is None:
            raise
        raise TemplateError(_shown(filename, name), line, f"{type(error).__name__}: {error}") from None


def template_exists(name: str, override: Path | None = None) -> bool:
    if override is not None and (override / name).is_file():
        return True
    try:
        read_text(PACKAGE, name)
        return True
    except ResourceMissingError:
        return False


