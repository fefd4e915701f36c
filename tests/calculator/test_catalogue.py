"""The input catalogue: one declaration per question, read by the form, the CLI, the docs and the tests."""

from __future__ import annotations

import json
import re
from pathlib import Path

import calculator
from calculator.inputs import CATALOGUE, INPUTS

CJK = re.compile(r"[\u4e00-\u9fff]")
TYPES = {"bool", "count", "money", "date", "choice"}
KEYS = {"id", "label", "help", "type", "min", "max", "unit", "ask_if"}


def test_catalogue_is_json_and_lists_each_question_once():
    entries = calculator.catalogue()
    assert json.loads(json.dumps(entries, ensure_ascii=False)) == entries
    ids = [entry["id"] for entry in entries]
    assert len(ids) == len(set(ids))
    assert entries[0]["id"] == "asker"
    assert [c["value"] for c in entries[0]["choices"]] == ["individual", "unit"]
    assert entries[0]["ask_if"] is None


def test_entries_have_the_contract_keys():
    for entry in calculator.catalogue():
        expected = KEYS | ({"choices"} if entry["type"] == "choice" else set())
        assert set(entry) == expected, entry["id"]
        assert entry["type"] in TYPES
        assert CJK.search(entry["label"]), entry["id"]
        assert entry["help"] == "" or CJK.search(entry["help"]), entry["id"]
        if entry["type"] in ("count", "money"):
            assert entry["min"] is not None and entry["max"] is not None and entry["unit"], entry["id"]
            assert 0 <= entry["min"] < entry["max"]
        if entry["type"] == "choice":
            values = [choice["value"] for choice in entry["choices"]]
            assert len(values) == len(set(values)) >= 2
            assert all(CJK.search(choice["label"]) for choice in entry["choices"])


def test_ask_if_names_earlier_questions_and_their_possible_answers():
    seen: dict[str, dict] = {}
    for entry in calculator.catalogue():
        for condition, allowed in (entry["ask_if"] or {}).items():
            assert condition in seen, f"{entry['id']} is asked after {condition}, which must come first"
            before = seen[condition]
            possible = [c["value"] for c in before["choices"]] if before["type"] == "choice" else [True, False]
            assert before["type"] in ("choice", "bool")
            assert allowed and set(allowed) <= set(possible), entry["id"]
        if entry["id"] != "asker" and entry["id"] != "ongoing_2020_benefit":
            assert "asker" in (entry["ask_if"] or {}), f"{entry['id']} must say whom it is asked of"
        seen[entry["id"]] = entry


def test_employer_questions_are_not_asked_of_individuals():
    for entry in calculator.catalogue():
        askers = (entry["ask_if"] or {}).get("asker")
        if askers is not None:
            assert len(askers) == 1


def test_c01_inputs_are_those_of_the_contract():
    types = {entry["id"]: entry["type"] for entry in calculator.catalogue()}
    assert {key: types[key] for key in (
        "asker", "unit_type", "enterprise_size", "insured_staff_last_year", "layoffs_last_year",
        "insured_at_end_of_2020", "uic_paid_last_year")} == {
        "asker": "choice", "unit_type": "choice", "enterprise_size": "choice", "insured_staff_last_year": "count",
        "layoffs_last_year": "count", "insured_at_end_of_2020": "count", "uic_paid_last_year": "money"}
    assert [c.value for c in INPUTS["unit_type"].choices] == [
        "enterprise", "social_group", "foundation", "social_service_org", "law_firm", "accounting_firm",
        "individual_economic_org", "other"]
    assert [c.value for c in INPUTS["enterprise_size"].choices] == ["large", "sme"]
    assert dict(INPUTS["enterprise_size"].ask_if) == {"asker": ("unit",), "unit_type": ("enterprise",)}


def test_every_question_is_used_by_a_rule():
    """No question the rules never read (the catalogue and the rules cannot drift apart)."""
    package = Path(calculator.__file__).parent
    sources = "".join(path.read_text(encoding="utf-8") for path in package.rglob("*.py")
                      if path.name != "inputs.py")
    for spec in CATALOGUE:
        assert f'"{spec.id}"' in sources, f"{spec.id} is asked but no rule reads it"


NOW = re.compile("今年|今天|现在|目前|当前|本年")


def test_questions_say_time_against_the_judgement_date():
    """The form, the command line and the catalogue ask about 判断日期 (the as-of date), never “now”: a judgement
    date of 2021-09-01 asked on 2026-12-02 must not read as today."""
    for spec in CATALOGUE:
        texts = [spec.label, spec.help, *(choice.label for choice in spec.choices), *(w for _, w in spec.statements)]
        for text in texts:
            assert not NOW.search(text), (spec.id, text)
    timed = [spec.id for spec in CATALOGUE if "判断日期" in spec.label]
    assert {"employment_status", "graduating_year", "obtained_certificate_this_year", "in_free_training",
            "free_trainings_this_year", "training_subsidies_used_this_year", "stable_employment",
            "registered_unemployed", "household_members_working"} <= set(timed)


def test_every_yes_no_and_choice_answer_has_its_statement():
    for spec in CATALOGUE:
        if spec.type == "bool":
            assert {answer for answer, _ in spec.statements} == {True, False}, spec.id
        elif spec.type == "choice":
            assert [answer for answer, _ in spec.statements] == [choice.value for choice in spec.choices], spec.id
            assert all(CJK.search(choice.statement) for choice in spec.choices), spec.id
        else:
            assert spec.statements == (), spec.id
