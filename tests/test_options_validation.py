"""Options that cannot mean anything are errors that say what was meant: unknown rule names, mis-shaped phrases."""

from __future__ import annotations

import pytest

import cleantext
from cleantext import Options, clean_many
from cleantext.cli import main

PAGE = "<p>Sign up here now</p><p>Some sentence of body text that is long enough to keep.</p>"


def test_an_unknown_rule_or_kind_is_an_error_with_close_matches() -> None:
    with pytest.raises(ValueError, match=r"'navigaton' \(did you mean navigation") as exc:
        cleantext.clean(PAGE, disable={"navigaton"})
    assert "--list-rules" in str(exc.value)
    with pytest.raises(ValueError, match="no-such-rule"):
        cleantext.clean(PAGE, options=Options(disable=frozenset({"no-such-rule"})))
    with pytest.raises(ValueError, match="no-such-rule"):
        list(clean_many([PAGE], workers=1, options=Options(disable=frozenset({"no-such-rule"}))))
    # Real names pass: rules, kinds, the batch rule, and a caller's own phrase kind.
    cleantext.clean(PAGE, disable={"navigation", "vote-counter", "site-template"})
    cleantext.clean(PAGE, disable={"my-kind"}, extra_phrases={"my-kind": ["Sign up here"]})


def test_cli_unknown_disable_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "p.html"
    page.write_text(PAGE)
    assert main([str(page), "--disable", "no-such-rule"]) == 2
    assert "unknown rule or kind in disable: 'no-such-rule'" in capsys.readouterr().err


@pytest.mark.parametrize("value", [["Sign up here"], "Sign up here", {"newsletter-prompt": "Sign up here"},
                                   [("kind",)], {"kind": [1, 2]}, 5])
def test_extra_phrases_of_the_wrong_shape_say_the_right_one(value: object) -> None:
    with pytest.raises(TypeError, match=r"extra_phrases must be a dict \{kind: \[phrase, \.\.\.\]\}"):
        cleantext.clean(PAGE, extra_phrases=value)


def test_extra_phrases_of_the_right_shape() -> None:
    for value in ({"my-kind": ["Sign up here"]}, {"my-kind": ("Sign up here",)}, [("my-kind", ["Sign up here"])]):
        doc = cleantext.clean(PAGE, extra_phrases=value)
        assert [b.text for b in doc.removed] == ["Sign up here now"] and "my-kind" in doc.removed[0].reason
