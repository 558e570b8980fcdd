"""Assets grouped by stage: reference data, documents, nlp (entities and events), warehouse."""
