"""One GX checkpoint per table, registered in the project idempotently.

The data source, asset and batch definition are created once and then reused: replacing them would give them new
ids and orphan the validation definition that points at them. The suite, validation definition and checkpoint are
add_or_update'd on every run, so the committed suite is always the one applied and a rerun never trips on
"already exists". Names are per table, not per partition, so the project config does not grow with every day;
the partition is named by the run name of each validation result instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newscorpus.quality.project import SITE_NAME

if TYPE_CHECKING:
    import great_expectations as gx
    from great_expectations.data_context import FileDataContext

DATASOURCE_NAME = "staging"
BATCH_DEFINITION_NAME = "partition"
# SUMMARY keeps counts and up to 20 offending values per expectation; COMPLETE would store every offending row
# index of a large partition in each result file.
RESULT_FORMAT = {"result_format": "SUMMARY"}


def table_checkpoint(context: FileDataContext, suite: gx.ExpectationSuite) -> gx.Checkpoint:
    """The checkpoint validating a dataframe of table `suite.name` and updating the Data Docs page for it."""
    import great_expectations as gx

    table = suite.name
    sources = context.data_sources
    if DATASOURCE_NAME in sources.all():
        datasource = sources.get(DATASOURCE_NAME)
    else:
        datasource = sources.add_pandas(DATASOURCE_NAME)
    if table in datasource.get_asset_names():
        asset = datasource.get_asset(table)
    else:
        asset = datasource.add_dataframe_asset(table)
    if BATCH_DEFINITION_NAME in {definition.name for definition in asset.batch_definitions}:
        batch_definition = asset.get_batch_definition(BATCH_DEFINITION_NAME)
    else:
        batch_definition = asset.add_batch_definition_whole_dataframe(BATCH_DEFINITION_NAME)

    stored_suite = context.suites.add_or_update(suite)
    definition = context.validation_definitions.add_or_update(
        gx.ValidationDefinition(name=table, data=batch_definition, suite=stored_suite)
    )
    return context.checkpoints.add_or_update(
        gx.Checkpoint(
            name=f"{table}_gate",
            validation_definitions=[definition],
            actions=[gx.checkpoint.UpdateDataDocsAction(name="update_data_docs", site_names=[SITE_NAME])],
            result_format=RESULT_FORMAT,
        )
    )
