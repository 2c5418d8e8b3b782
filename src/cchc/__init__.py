"""cchc: Vietnamese administrative-reform regulations as a knowledge graph, and back into documents."""

__version__ = "0.1.0"
