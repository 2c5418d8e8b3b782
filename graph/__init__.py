"""Reading documents, parsing their structure, extracting facts and storing them as RDF."""
