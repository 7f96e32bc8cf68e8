"""What every public submission shares (petitions, disclosure requests):
tracking numbers, query codes, throttling and anti-abuse, and reading and
checking the submitted fields (DESIGN.md section 1)."""
