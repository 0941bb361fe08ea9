"""xxgk — China's government information-disclosure annual reports as open data.

The pipeline: ``readers`` turn a file into text, ``parser.parse`` turns text into a
:class:`~xxgk.record.Record`, ``package`` writes records as a Frictionless data package and
``site`` renders that package as a MkDocs site.
"""

__version__ = "0.1.0"
