"""The registry: every computable measure, in clause order. A new measure is one module here plus its cases."""

from __future__ import annotations

from ..measure import Measure
from . import (
    a1_job_seeking_subsidy,
    a2_employment_difficulty,
    c01_job_retention_refund,
    c03_training_living_allowance,
    c04_skills_upgrade_subsidy,
    c05_internship_subsidy,
    c06_unemployment_assistance,
    c07_tax_relief,
    c08_graduate_training_subsidy,
    c12_flexible_social_insurance_extension,
    c14_public_welfare_jobs,
    c15_service_capacity_awards,
)

MODULES = (
    c01_job_retention_refund,
    c03_training_living_allowance,
    c04_skills_upgrade_subsidy,
    c05_internship_subsidy,
    c06_unemployment_assistance,
    c07_tax_relief,
    c08_graduate_training_subsidy,
    c12_flexible_social_insurance_extension,
    a1_job_seeking_subsidy,
    a2_employment_difficulty,
    c14_public_welfare_jobs,
    c15_service_capacity_awards,
)
MEASURES: tuple[Measure, ...] = tuple(module.MEASURE for module in MODULES)
BY_ID: dict[str, Measure] = {measure.id: measure for measure in MEASURES}
