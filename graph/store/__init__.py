"""The graph store: one interface, an embedded Oxigraph backend and a remote SPARQL 1.1 backend."""
