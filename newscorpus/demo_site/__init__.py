"""A local news site for demos and tests: three fictional outlets rendered as static files and served on 127.0.0.1.

    render_site(root, crawl_date)      write root/<outlet>/... for a crawl date
    serve_site(root)                   context manager yielding {outlet: "http://127.0.0.1:PORT"}
    truth(crawl_date)                  what a perfect crawl + extraction should yield, one dict per article
    demo_env(urls), SOURCES_YAML       the environment and source registry that point the pipeline at it

The content lives in content/<outlet>.yaml; all of it is invented.
"""

from newscorpus.demo_site.content import OUTLETS
from newscorpus.demo_site.ground_truth import truth
from newscorpus.demo_site.registry import SOURCES_YAML, demo_env, url_variable
from newscorpus.demo_site.render import render_site
from newscorpus.demo_site.server import serve_site

__all__ = [
    "OUTLETS",
    "SOURCES_YAML",
    "demo_env",
    "render_site",
    "serve_site",
    "truth",
    "url_variable",
]
