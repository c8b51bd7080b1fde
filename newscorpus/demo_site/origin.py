"""The stand-in origin written into feeds, sitemaps and robots.txt, and swapped for the real one when served.

Those three formats require absolute URLs, but the demo's ports are only chosen when the server starts, after
rendering. So the renderer writes this placeholder and the server replaces it with its own http://127.0.0.1:PORT.
HTML pages need no such trick: their links are absolute paths ("/kanal/nasional").
"""

ORIGIN_PLACEHOLDER = "http://demo-origin.invalid"
