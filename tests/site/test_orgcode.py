"""Organization codes carry check characters (GB 32100-2015, GB 11714)."""

from zhengwu.site import orgcode
import pytest


@pytest.mark.parametrize(
    "code",
    ["91350100M000100Y43", "11100000000013127D", "11999900MB0000010H", " 91350100m000100y43 "],
)
def test_valid_unified_social_credit_codes(code):
    assert orgcode.is_valid_uscc(code)
    assert orgcode.is_valid_code(code)


@pytest.mark.parametrize(
    "code",
    ["91350100M000100Y44", "91350100M000100Y4", "91350100I000100Y43", "", "913501OOM000100Y43"],
)
def test_invalid_unified_social_credit_codes(code):
    assert not orgcode.is_valid_uscc(code)


@pytest.mark.parametrize("code", ["000014349", "00001434-9", "000013127"])
def test_valid_organization_codes(code):
    assert orgcode.is_valid_organization_code(code)
    assert orgcode.is_valid_code(code)


@pytest.mark.parametrize("code", ["000014348", "12345678X", "0000１4349", "ABCDEFGH"])
def test_invalid_organization_codes(code):
    assert not orgcode.is_valid_organization_code(code)
