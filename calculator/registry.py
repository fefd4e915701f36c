"""Which of the notice's figures each measure uses, found from the rules themselves.

    PARAMETERS: tuple[ParameterUse, ...]          every Parameter a measure uses, each once
    parameters_of(measure_id) -> tuple[ParameterUse, ...]
    measures_of_part(part_id) -> tuple[Measure, ...]

An entry holds the Parameter itself (its value, `cite` and `text` are read from it, never copied), the name it
is declared under and the ids of the measures that use it. The site shows on each clause and attachment page
what the self-check takes from it; tests/calculator/test_parameters.py ties every entry to a fact in notice/.

A measure uses
- the Parameters its module binds (declares or imports): its wording is built from them when it is imported;
- the Parameters read by the functions its module binds, followed call by call through the package
  (附件2's `employment_difficulty` brings the figures that define 就业困难人员 into （三）);
- the first and last day of its window (`opens`, `closes`).

Nothing here runs when `evaluate` does: the self-check in the browser never imports this module.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from types import CodeType, FunctionType, ModuleType

from . import parameter
from .measure import Measure
from .measures import MEASURES, MODULES
from .parameter import Parameter


@dataclass(frozen=True, slots=True)
class ParameterUse:
    name: str  # where it is declared, e.g. "calculator.measures.c01_job_retention_refund.LAYOFF_RATE_LIMIT"
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


def _codes(code: CodeType) -> Iterator[CodeType]:
    """A function's code and the code of the lambdas, comprehensions and functions nested in it."""
    yield code
    for constant in code.co_consts:
        if isinstance(constant, CodeType):
            yield from _codes(constant)


def _read_by(function: FunctionType, seen: set[int]) -> Iterator[Parameter]:
    """The Parameters a function reads from its module, and those read by the package's functions it calls."""
    if id(function) in seen or not function.__module__.startswith(f"{__package__}."):
        return
    seen.add(id(function))
    for code in _codes(function.__code__):
        for name in code.co_names:
            value = function.__globals__.get(name)
            if isinstance(value, Parameter):
                yield value
            elif isinstance(value, FunctionType):
                yield from _read_by(value, seen)


def _used_by(module: ModuleType, measure: Measure) -> list[Parameter]:
    """The Parameters `measure`, declared in `module`, uses (see the module's docstring), each once."""
    bound = list(vars(module).values())
    seen: set[int] = set()
    found = [value for value in bound if isinstance(value, Parameter)]
    for value in bound:
        if isinstance(value, FunctionType):
            found += _read_by(value, seen)
    found += [measure.opens] + ([measure.closes.last_day] if measure.closes else [])
    return list({id(p): p for p in found}.values())


def _names() -> dict[int, str]:
    """Each Parameter's name, after the first module that binds it: calculator.parameter, then the measures',
    then the package's other modules by name."""
    others = sorted((name, module) for name, module in sys.modules.items() if name.startswith(f"{__package__}."))
    names: dict[int, str] = {}
    for module in (parameter, *MODULES, *(module for _, module in others)):
        for name, value in vars(module).items():
            if isinstance(value, Parameter):
                names.setdefault(id(value), f"{module.__name__}.{name}")
    return names


def _registry() -> tuple[ParameterUse, ...]:
    users: dict[int, list[str]] = {}
    found: dict[int, Parameter] = {}
    for module in MODULES:
        for used in _used_by(module, module.MEASURE):
            found.setdefault(id(used), used)
            users.setdefault(id(used), []).append(module.MEASURE.id)
    names = _names()
    return tuple(ParameterUse(names[key], used, tuple(users[key])) for key, used in found.items())


PARAMETERS: tuple[ParameterUse, ...] = _registry()


def parameters_of(measure_id: str) -> tuple[ParameterUse, ...]:
    """The Parameters a measure uses, in the registry's order."""
    return tuple(use for use in PARAMETERS if measure_id in use.measures)


def measures_of_part(part_id: str) -> tuple[Measure, ...]:
    """The measures that implement a clause or attachment (`c01`, `a2`): their conditions cite its sentences."""
    return tuple(measure for measure in MEASURES if part_id in measure.parts)
