"""Who published a report: region (GB/T 2260), tier, kind, 系统 and a stable ``agency_id``.

Modules, one job each: ``divisions`` (the national division codes), ``names`` (a name's parts),
``evidence`` (what the body says), ``renames``, ``ids``, ``resolve`` (``name_to_agency``) and
``registry`` (reports → the ``agencies`` resource, peer groups, deadlines).
"""

from .resolve import Agency, name_to_agency

__all__ = ["Agency", "name_to_agency"]
