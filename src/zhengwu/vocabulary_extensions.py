"""Vocabularies administrators extend in a control panel, one term a line:
a key, white space, then its title (``23 数字政府`` for the disclosure
catalog's subject categories, ``talent_housing 人才安居`` for the guides'
service themes). Each vocabulary says what its keys look like."""

from plone import api
import re


def line_pattern(key):
    """The pattern of a line whose key matches the regular expression ``key``."""
    return re.compile(rf"^\s*({key})\s+(\S.*?)\s*$")


def parse_extension(line, pattern):
    """``(key, title)`` of one control-panel line; ValueError otherwise."""
    match = pattern.match(line)
    if match is None:
        raise ValueError(line)
    return match.group(1), match.group(2)


def extension_lines(record):
    """The lines stored in the registry ``record``, as a tuple (vocabularies
    cache what they build from them)."""
    return tuple(api.portal.get_registry_record(record, default=None) or ())
