"""The Scrapy project that lands raw responses as WARC; run it through newscorpus.crawl, one subprocess per crawl."""
