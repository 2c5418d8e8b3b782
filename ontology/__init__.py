"""The cchc OWL ontology, SKOS vocabularies and SHACL shapes (package data only)."""
