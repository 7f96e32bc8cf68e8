"""What every CSV export shares."""


def safe_cell(value):
    """Neutralise spreadsheet formulas (CSV injection): titles and comments
    come from editors and citizens, and the file is opened in a spreadsheet."""
    value = "" if value is None else str(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
