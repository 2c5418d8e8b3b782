"""A deterministic synthetic corpus, with ground truth, for scale and accuracy tests."""
