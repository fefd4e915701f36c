"""A notion that several measures share (就业困难人员, 零就业家庭, 法定退休年龄), declared once.

A measure that asks whether a person is in such a group declares the concept, not its parts: the concept brings
the notice's figures and the questions its checks read (calculator/registry.py follows it; a test traces every
measure over every case against these declarations).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .parameter import Parameter


@dataclass(frozen=True, slots=True)
class Concept:
    name: str
    figures: tuple[Parameter, ...] = ()  # the figures of the notice its checks read
    inputs: tuple[str, ...] = ()  # the questions its checks read
    concepts: tuple[Concept, ...] = ()  # the concepts it rests on

    def closure(self) -> Iterator[Concept]:
        """This concept and every concept it rests on, each once, this one first."""
        yield self
        seen = {self.name}
        for concept in self.concepts:
            for inner in concept.closure():
                if inner.name not in seen:
                    seen.add(inner.name)
                    yield inner
