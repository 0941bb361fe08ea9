"""Writing parsed reports as a Frictionless data package (``xxgk package``)."""
