"""The theme's templates compiled once a process, not once a build: a Jinja bytecode cache held in memory.

MkDocs makes a new Jinja environment for every build, and the bulk renderer (``bulk.Renderer``) one more, so each
build compiled Material's 35 templates again (≈ 0.7 s). ``mkdocs_hooks.on_env`` gives the build's theme environment
this cache, ``cache_theme_environments`` every other one MkDocs makes (the search plugin's). A template's compiled
code is taken only for the same template name and file, the same source (Jinja's checksum) and an environment that
compiles the same way (``_compiles_as``: its delimiters, extensions, escaping); anything else compiles afresh, so
the pages are the bytes they were. The cache lives as long as the process and holds one entry a template (the last
source compiled for it).

``snapshot``/``restore`` carry the entries to the MkDocs process (``mkdocs_process``), which is a fork of a server
that never compiled them."""

from __future__ import annotations

import hashlib
import marshal

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


def _compiles_as(environment) -> str:
    """What of ``environment`` changes the code Jinja generates from a template (the rest is read when it runs)."""
    parts = (environment.block_start_string, environment.block_end_string, environment.variable_start_string,
             environment.variable_end_string, environment.comment_start_string, environment.comment_end_string,
             environment.line_statement_prefix, environment.line_comment_prefix, environment.trim_blocks,
             environment.lstrip_blocks, environment.newline_sequence, environment.keep_trailing_newline,
             environment.optimized, environment.is_async, environment.finalize is not None,
             repr(environment.autoescape), sorted(environment.extensions),
             # (whether a filter or test is handed the context is read as the template is compiled)
             sorted((name, str(getattr(f, "jinja_pass_arg", None))) for name, f in environment.filters.items()),
             sorted((name, str(getattr(f, "jinja_pass_arg", None))) for name, f in environment.tests.items()))
    return repr(parts)


class MemoryCache(BytecodeCache):
    """Compiled templates kept in this process (see the module docstring)."""

    def __init__(self):
        self.entries: dict[str, tuple[str, object]] = {}  # key → (source checksum, code object)

    def get_bucket(self, environment, name, filename, source) -> Bucket:
        key = hashlib.sha1(f"{self.get_cache_key(name, filename)}|{_compiles_as(environment)}".encode()).hexdigest()
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        checksum, code = self.entries.get(bucket.key, (None, None))
        if checksum == bucket.checksum:
            bucket.code = code

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.entries[bucket.key] = (bucket.checksum, bucket.code)

    def snapshot(self) -> bytes:
        """The entries as bytes (``marshal``: code objects), for a process of the same Python (:meth:`restore`)."""
        return marshal.dumps({key: (checksum, code) for key, (checksum, code) in self.entries.items()})

    def restore(self, data: bytes) -> None:
        """Take the entries of :meth:`snapshot` (made by this Python: ``mkdocs_process`` forks this program)."""
        self.entries.update(marshal.loads(data))


CACHE = MemoryCache()  # the process's


def use(environment) -> None:
    """Compile ``environment``'s templates through the process's cache (``mkdocs_hooks.on_env``)."""
    environment.bytecode_cache = CACHE


def cache_theme_environments() -> None:
    """Every Jinja environment MkDocs' theme makes in this process compiles through the cache, not only the one
    ``on_env`` is given: the search plugin makes three more as it reads its settings (``on_config``: the
    language's word separator, ``partials/language.html``), each compiling Material's language templates again
    (≈ 0.2 s a build, and again in each bulk worker). Their entries are keyed as every entry is, so a template is
    still compiled afresh wherever anything of its compilation differs. Each lists the installed theme's files once
    a process too (``theme_listing``). Idempotent: ``Theme.get_env`` is wrapped once a process (``mkdocs_warm`` for
    the MkDocs server, ``bulk.Renderer`` for the bulk pages)."""
    from mkdocs.theme import Theme

    from .theme_listing import list_once

    made = Theme.get_env
    if getattr(made, "xxgk_cached", False):
        return

    def get_env(self):
        environment = made(self)
        use(environment)
        list_once(environment)
        return environment

    get_env.xxgk_cached = True
    get_env.__doc__ = made.__doc__
    Theme.get_env = get_env
