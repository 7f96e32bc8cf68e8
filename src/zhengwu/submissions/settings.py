"""Settings of public submissions (registry prefix ``zhengwu.submissions``)."""

from zhengwu import _
from zope import schema
from zope.interface import Interface


class ISubmissionSettings(Interface):
    submissions_per_window = schema.Int(
        title=_("Submissions per client"),
        description=_("How many messages or requests one address may send per window."),
        min=1,
        max=10_000,
        default=5,
    )
    failed_lookups_per_window = schema.Int(
        title=_("Failed status lookups per client"),
        description=_("Wrong tracking numbers or query codes one address may try per window."),
        min=1,
        max=10_000,
        default=10,
    )
    window_minutes = schema.Int(title=_("Window (minutes)"), min=1, max=24 * 60, default=10)
    max_text_length = schema.Int(
        title=_("Longest text"),
        description=_("The most characters a message or request may have."),
        min=100,
        max=100_000,
        default=5000,
    )
    max_attachments = schema.Int(title=_("Attachments per submission"), min=0, max=10, default=3)
    max_attachment_megabytes = schema.Int(
        title=_("Largest attachment (MB)"), min=1, max=50, default=10
    )
