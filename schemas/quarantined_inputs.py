"""staging.quarantined_inputs: one row per input that could not be loaded, with the reason."""

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Int64
from pandera.typing.pandas import Series

from schemas.base import TableModel


class QuarantinedInputs(TableModel):
    file_name: Series[str] = pa.Field(description="Input file relative to CORPUS_DIR")
    line_number: Series[Int64] = pa.Field(nullable=True, ge=1, description="Line of a JSON-lines file, where the problem is one line")
    reason: Series[str] = pa.Field(str_length={"min_value": 5}, description="Why it was not loaded")
    ingested_at: Series[pd.Timestamp] = pa.Field(description="When the input was read (UTC)")
