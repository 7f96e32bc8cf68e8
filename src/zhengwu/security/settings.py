"""Settings of input hygiene and the security headers (registry prefix
``zhengwu.security``), read by ``guard``, ``headers`` and ``zhengwu.files``;
docs/security.md explains each."""

from zhengwu import _
from zope import schema
from zope.interface import Interface


ATTACHMENT_EXTENSIONS = (
    "pdf",
    "ofd",
    "doc",
    "docx",
    "wps",
    "xls",
    "xlsx",
    "et",
    "zip",
    "jpg",
    "jpeg",
    "png",
)

# What the classic UI (Plone's mockup patterns, TinyMCE, the Diazo theme and
# the theme's scripts) works under, checked in Chromium
# (tests/browser/test_security_headers.py): scripts and styles from the site
# only; inline styles (TinyMCE and the patterns set style attributes) and
# inline scripts (Plone's templates still carry a few) and eval (the
# folder contents' structure pattern compiles its templates with it) allowed; images also from
# data: and blob: URLs (TinyMCE's pasted images); no plugins; no framing by
# other sites; forms posted only to the site.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; "
    "script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
    "style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; "
    "font-src 'self' data:; "
    "connect-src 'self'; "
    "media-src 'self' blob:; "
    "frame-src 'self'; "
    "object-src 'none'; "
    "base-uri 'self'; "
    "form-action 'self'; "
    "frame-ancestors 'self'"
)
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), "
    "bluetooth=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), "
    "display-capture=(), interest-cohort=()"
)
REFERRER_POLICY = "strict-origin-when-cross-origin"
JSON_BODY_MAX_KILOBYTES = 2048
JSON_MAX_DEPTH = 64
UPLOAD_BODY_MAX_MEGABYTES = 70


class ISecuritySettings(Interface):
    content_security_policy = schema.Text(
        title=_("Content-Security-Policy"),
        description=_(
            "Sent with every answer. Empty: none is sent. Add the sources of embedded "
            "maps or videos here (frame-src, img-src)."
        ),
        required=False,
        default=CONTENT_SECURITY_POLICY,
    )
    permissions_policy = schema.TextLine(
        title=_("Permissions-Policy"), required=False, default=PERMISSIONS_POLICY
    )
    referrer_policy = schema.TextLine(
        title=_("Referrer-Policy"), required=False, default=REFERRER_POLICY
    )
    secure_cookies = schema.Bool(
        title=_("Secure cookies always"),
        description=_(
            "Cookies are marked Secure when the site is reached over HTTPS (the address "
            "the proxy gives Zope through the virtual host path). Turn this on when the "
            "proxy terminates TLS without telling Zope."
        ),
        required=False,
        default=False,
    )
    json_body_max_kilobytes = schema.Int(
        title=_("Largest JSON body (KB)"),
        description=_(
            "A JSON request body without files may have at most this many kilobytes; "
            "submissions with attachments and logged-in uploads have their own limits."
        ),
        min=16,
        max=1024 * 1024,
        default=JSON_BODY_MAX_KILOBYTES,
    )
    json_max_depth = schema.Int(
        title=_("Deepest JSON nesting"), min=4, max=500, default=JSON_MAX_DEPTH
    )
    upload_body_max_megabytes = schema.Int(
        title=_("Largest upload (MB)"),
        description=_(
            "A request with files sent by a logged-in user (a form or JSON) may have at "
            "most this many megabytes."
        ),
        min=1,
        max=1024,
        default=UPLOAD_BODY_MAX_MEGABYTES,
    )
    attachment_extensions = schema.List(
        title=_("Allowed attachment types"),
        description=_(
            "File extensions citizens and staff may attach; each file's content must "
            "match its extension. Known: pdf, ofd, doc, docx, wps, xls, xlsx, et, zip, "
            "jpg, jpeg, png, txt."
        ),
        value_type=schema.TextLine(),
        required=False,
        default=list(ATTACHMENT_EXTENSIONS),
    )


def setting(name, default, registry=None):
    """A setting of ``zhengwu.security`` (``name`` may also be a whole
    record name, with a dot); ``default`` outside a site or on a site whose
    profile has not the record yet. ``registry``: the site's, when the
    component site is not set yet (during traversal)."""
    from plone.registry.interfaces import IRegistry
    from zope.component import queryUtility

    key = name if "." in name else f"zhengwu.security.{name}"
    if registry is None:
        registry = queryUtility(IRegistry)
    if registry is None:
        return default
    value = registry.get(key, default)
    return default if value is None else value
