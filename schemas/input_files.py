"""staging.input_files: one row per input file the warehouse holds: the version loaded, and when."""

import pandas as pd
import pandera.pandas as pa
from pandera.typing.pandas import Series

from schemas.base import HEX16, TableModel


class InputFiles(TableModel):
    file_name: Series[str] = pa.Field(unique=True, description="Path of the input file relative to CORPUS_DIR")
    input_version: Series[str] = pa.Field(str_matches=HEX16, description="SHA-256 of the file's bytes and manifest row (first 16 hex digits)")
    partition_key: Series[str] = pa.Field(description="The load batch that loaded it (its Dagster partition): `<UTC time>-<digest of its files>`")
    documents: Series[int] = pa.Field(ge=0, description="Documents loaded from it")
    duplicates: Series[int] = pa.Field(ge=0, description="Inputs in it that repeat an earlier document")
    quarantined: Series[int] = pa.Field(ge=0, description="Inputs in it that were quarantined")
    loaded_at: Series[pd.Timestamp] = pa.Field(description="When this version was loaded (UTC)")
    reference_version: Series[str] = pa.Field(
        str_matches=HEX16, description="Hash of the reference data (dictionaries, codebooks) its documents were coded with"
    )
