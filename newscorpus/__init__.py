"""newscorpus: news websites in, a clean, deduplicated, quality-checked corpus out."""

__version__ = "0.1.0"
