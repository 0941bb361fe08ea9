"""Rendering the data package as MkDocs pages (``xxgk build``). Reads ``datapackage/`` only."""
