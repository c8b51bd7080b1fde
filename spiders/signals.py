"""Project signals: how downloader middlewares tell the crawl recorder that a request went nowhere.

Scrapy has no signal for a request that failed after retries or was refused (robots.txt, offsite), so the
components that see those moments send `fetch_failed` and the FailureRecorder extension writes them down.
"""

# Sent with keyword arguments: request (scrapy.Request), error (str, "<kind>: <detail>").
fetch_failed = object()
