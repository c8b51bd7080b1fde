"""Article extraction: one HTML page in, the article fields of the `articles` table out (see article.py)."""

from newscorpus.extract.article import extract_article
from newscorpus.extract.fields import QUALITY_FLAGS, ArticleFields, QualityFlag
from newscorpus.extract.language import detect_language

__all__ = ["QUALITY_FLAGS", "ArticleFields", "QualityFlag", "detect_language", "extract_article"]
