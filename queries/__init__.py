"""Named, parameterised SPARQL queries (``*.rq``) and the code that runs them."""
