"""Site supervision (网站监管): the inspection indicators, link checking,
checks before publishing, the website annual report (issue 15)."""
