"""A downloader that keeps CONCURRENT_REQUESTS_PER_DOMAIN when DOWNLOAD_DELAY is 0.

Scrapy 2.19 under the asyncio reactor starts every queued request of a slot at once when the slot has no delay:
Downloader._process_queue hands each download to a new asyncio task, and the request joins slot.transferring only
when that task first runs, after the loop, so the loop's free-slot check never drops. A source configured with
`download_delay: 0, concurrency: 2` then had nine requests in flight to one host (tests/test_politeness_crawl.py).
With a delay the loop already stops after one request, so only the no-delay path is replaced: each request is
counted as transferring when it leaves the queue (Downloader._download adds it again and removes it when done).
"""

from __future__ import annotations

from time import monotonic

from scrapy.core.downloader import Downloader, Slot
from scrapy.utils.defer import _schedule_coro


class SlotLimitedDownloader(Downloader):
    def _process_queue(self, slot: Slot) -> None:
        if slot.latercall or slot.delay:
            super()._process_queue(slot)
            return
        while slot.queue and slot.free_transfer_slots() > 0:
            slot.lastseen = monotonic()
            request, queue_dfd = slot.queue.popleft()
            slot.transferring.add(request)
            _schedule_coro(self._wait_for_download(slot, request, queue_dfd))
