"""Input hygiene and the answers' security headers, for every domain
(docs/security.md): text cleaned of control characters (``text``), the
request guard (``guard``: body sizes, JSON nesting, methods, multipart
boundaries), the response headers (``headers``) and the small patches of
the platform that kept bad input from being a 4xx (``patches``)."""
