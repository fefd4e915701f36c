"""Which of the notice's figures each measure uses, from what the measures declare.

    PARAMETERS: tuple[ParameterUse, ...]          every Parameter a measure uses, each once
    parameters_of(measure_id) -> tuple[ParameterUse, ...]
    measures_of_part(part_id) -> tuple[Measure, ...]
    descriptions_of_part(part_id) -> tuple[Description, ...]
    descriptions_json() -> list[dict]             every measure's description as plain data

A measure uses the figures it declares, those of the shared concepts it declares (calculator/concept.py: the
figures that define 就业困难人员 come into （三） through it) and the first and last day of its window
(`Measure.uses`); tests/calculator/test_declarations.py traces every measure over every case against those
declarations. An entry holds the Parameter itself (its value, `cite` and `text` are read from it, never copied)
and the ids of the measures that use it. The site shows on each clause and attachment page what the self-check
takes from it.

Nothing here runs when `evaluate` does: the self-check in the browser never imports this module.
"""

from __future__ import annotations

from dataclasses import dataclass

from .description import Description
from .measure import Measure
from .measures import MEASURES
from .parameter import Parameter


@dataclass(frozen=True, slots=True)
class ParameterUse:
    parameter: Parameter
    measures: tuple[str, ...]  # ids of the measures that use it, in the order of `measures.MEASURES`

    @property
    def id(self) -> str:
        return self.parameter.id

    @property
    def cite(self) -> str:
        return self.parameter.cite

    @property
    def text(self) -> str:
        return self.parameter.text


def _registry() -> tuple[ParameterUse, ...]:
    found: dict[str, Parameter] = {}
    users: dict[str, list[str]] = {}
    for measure in MEASURES:
        for used in measure.uses():
            found.setdefault(used.id, used)
            users.setdefault(used.id, []).append(measure.id)
    return tuple(ParameterUse(used, tuple(users[key])) for key, used in found.items())


PARAMETERS: tuple[ParameterUse, ...] = _registry()


def parameters_of(measure_id: str) -> tuple[ParameterUse, ...]:
    """The Parameters a measure uses, in the registry's order."""
    return tuple(use for use in PARAMETERS if measure_id in use.measures)


def measures_of_part(part_id: str) -> tuple[Measure, ...]:
    """The measures that implement a clause or attachment (`c01`, `a2`): their conditions cite its sentences."""
    return tuple(measure for measure in MEASURES if part_id in measure.parts)


def descriptions_of_part(part_id: str) -> tuple[Description, ...]:
    """The public descriptions (calculator/description.py) of the measures that implement a clause or attachment."""
    return tuple(measure.description for measure in measures_of_part(part_id))


def descriptions_json() -> list[dict]:
    """Every measure's description as plain data, in clause order (what a page may ship to the browser)."""
    return [measure.description.as_json() for measure in MEASURES]
