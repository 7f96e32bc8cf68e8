"""``<zhengwu:registerProfile>``: GenericSetup's directive for the top-level
``profiles/`` folder.

The profiles are shipped as the subpackage ``zhengwu.profiles`` (see
setup.py), so their folder is found the same way from an editable install
and from a wheel; but GenericSetup names a profile after the package of the
ZCML that registers it, which would give ``zhengwu.profiles:default``. This
directive takes the folder from that ZCML (``directory`` is resolved against
the profiles folder) and the name from the distribution: ``zhengwu:default``.
"""

from Products.GenericSetup.interfaces import BASE
from Products.GenericSetup.registry import _profile_registry
from Products.GenericSetup.zcml import IRegisterProfileDirective


PRODUCT = "zhengwu"


class IRegisterZhengwuProfileDirective(IRegisterProfileDirective):
    """Same fields as genericsetup:registerProfile."""


def registerProfile(
    _context,
    name="default",
    title=None,
    description=None,
    directory=None,
    provides=BASE,
    for_=None,
    pre_handler=None,
    post_handler=None,
):
    directory = directory or _context.path(name)  # absolute: profiles/<name>
    _context.action(
        discriminator=("registerProfile", PRODUCT, name),
        callable=_profile_registry.registerProfile,
        args=(
            name,
            title or f"Profile '{name}' from '{PRODUCT}'",
            description or "",
            directory,
            PRODUCT,
            provides,
            for_,
            pre_handler,
            post_handler,
        ),
    )
