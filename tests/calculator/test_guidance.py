"""Clauses with no computable rule appear as guidance where they apply, with the sentence they come from."""

from __future__ import annotations

import pytest

from calculator import evaluate


def cites(answers, as_of="2026-11-27"):
    return [item["cite"] for item in evaluate(answers, as_of)["guidance"]]


@pytest.mark.parametrize(("answers", "expected"), [
    ({}, ["c18-5"]),
    ({"ongoing_2020_benefit": False}, []),
    ({"asker": "unit"}, ["c02-1", "c18-5"]),
    ({"asker": "unit", "hires_veterans_or_key_groups": True, "ongoing_2020_benefit": True},
     ["c02-1", "c16-2", "c18-5"]),
    ({"asker": "individual", "ongoing_2020_benefit": False}, ["c16-2"]),
    ({"asker": "individual", "employment_status": "not_working", "ongoing_2020_benefit": False}, ["c13-4", "c16-2"]),
    ({"asker": "individual", "school_kind": "technical_school", "ongoing_2020_benefit": False},
     ["c11", "c12-2", "c16-2"]),
    ({"asker": "individual", "school_kind": "undergraduate_university", "employment_status": "self_employed",
      "ongoing_2020_benefit": False}, ["c05-2", "c11", "c12-2", "c12-4", "c16-2"]),
])
def test_guidance_where_it_applies(answers, expected):
    assert cites(answers) == expected


def test_guidance_items_name_their_clause(notice):
    items = evaluate({"asker": "individual", "school_kind": "undergraduate_university",
                      "employment_status": "self_employed"}, "2026-11-27")["guidance"]
    for item in items:
        assert set(item) == {"clause", "cite", "text"}
        assert item["cite"] == item["clause"] or item["cite"].startswith(item["clause"] + "-")
        assert notice.has_anchor(item["cite"])


def test_the_transitional_provision_is_quoted_as_written(notice):
    (item,) = [g for g in evaluate({}, "2021-09-01")["guidance"] if g["cite"] == "c18-5"]
    assert item["text"] == notice.text_of("c18-5")


def test_guidance_comes_with_the_full_assessment_only():
    assert cites({"asker": "unit"}) == ["c02-1", "c18-5"]
    assert evaluate({"asker": "unit"}, "2026-11-27", measures=["c01"])["guidance"] == []
