"""What every ``mkdocs build`` of the site loads before it reads a page, loaded once: the module the MkDocs
server (``mkdocs_process``) imports before it forks a build. Importing it loads jieba's word list (quiet, as
``mkdocs_hooks.on_config`` makes it) and writes nothing."""

from __future__ import annotations

import logging

import jieba
import markdown.extensions.toc  # noqa: F401
import material.plugins.search.plugin  # noqa: F401
import mkdocs.__main__  # noqa: F401
import mkdocs.commands.build  # noqa: F401
import pypinyin  # noqa: F401

import xxgk.site.anchors  # noqa: F401
import xxgk.site.blocks  # noqa: F401
import xxgk.site.minify  # noqa: F401
import xxgk.site.template_cache  # noqa: F401
import xxgk.site.titles  # noqa: F401

xxgk.site.template_cache.cache_theme_environments()  # (the search plugin's own environments too)
jieba.setLogLevel(logging.WARNING)  # (its "Building prefix dict" lines, which the search plugin's own load shows too)
jieba.initialize()  # the search plugin's word list (Chinese segmentation): 1.3 s a build otherwise
