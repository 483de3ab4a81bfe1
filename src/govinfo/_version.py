"""The single source of govinfo's version (read by hatchling) and of its distribution name."""

__version__ = "0.2.0"

#: The name govinfo is published and installed under (``govinfo`` on PyPI is another project).
DISTRIBUTION = "govinfo-cn"
