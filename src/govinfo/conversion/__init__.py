"""A report to another report (internal).

Holds: ``edges`` (converter edges as data, checked against the declaration at
import), ``convert`` (conversion with every loss), ``indicators`` (the
harmonized core indicators) and ``aggregate`` (sums of reports).

May import: ``checks`` and everything below it.
"""
