"""依申请公开: disclosure requests under the 2019 Regulations on the
Disclosure of Government Information, their statutory clock, the answer
letters and the annual report's statistics.

In code, ``request`` is always the HTTP request; a DisclosureRequest (the
stored application) is ``record``."""
