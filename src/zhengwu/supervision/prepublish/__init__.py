"""Checks before publishing (三审三校 support, issue 15 item 4): wording,
personal data, publication dates — plugged into the review workflow as a
``zhengwu.review.checks.ITransitionCheck`` (see ``check.py``)."""
