"""staging.duplicate_inputs: one row per input whose text is exactly that of an earlier document."""

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Int64
from pandera.typing.pandas import Series

from schemas.base import HEX16, TableModel


class DuplicateInputs(TableModel):
    file_name: Series[str] = pa.Field(description="Input file relative to CORPUS_DIR")
    line_number: Series[Int64] = pa.Field(nullable=True, ge=1, description="Line of a JSON-lines file")
    duplicate_of_document_id: Series[str] = pa.Field(str_matches=HEX16, description="The document it duplicates")
    ingested_at: Series[pd.Timestamp] = pa.Field(description="When the input was read (UTC)")
