"""Name resolution that refuses non-public answers, installed as Scrapy's TWISTED_DNS_RESOLVER.

This is the check at connection time: Scrapy's HTTP handler connects through Twisted, which asks this resolver for
the address it then connects to, so the address that was checked is the address that is used. A DNS answer that
changes between a first check and the connection (DNS rebinding) is checked again when it is looked up again, and
a checked answer is what the cache keeps. Every address the name resolves to (IPv4 and IPv6, via getaddrinfo) must
pass spiders.network_policy, not only the one used: the next lookup could return another.

URLs that name an IP address literally never reach a resolver (Twisted connects to them directly); the request
guard (spiders.request_guard) checks those. Twisted reports a refused name as a plain failed lookup ("no results"),
so the resolver remembers why it refused each name, and refusal_for() lets the failure recorder log the reason.

Residual risk, through an HTTP proxy (HTTP_PROXY / meta["proxy"]): this resolver then sees the proxy's name, not
the site's, so the proxy must be public or listed in NEWSCORPUS_ALLOWED_NETWORKS, and the site's name is checked
only by the request guard's lookup before the request; the proxy resolves it again and could get another answer.
"""

from __future__ import annotations

import socket
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Self

from scrapy.resolver import dnscache
from twisted.internet import defer, threads
from twisted.internet.error import DNSLookupError
from twisted.internet.interfaces import IResolverSimple
from zope.interface import implementer

from spiders.network_policy import SETTING, IPAddress, NetworkPolicy, parse_address
from spiders.refusals import BlockedRequest

if TYPE_CHECKING:
    from twisted.internet.base import ReactorBase


_MAX_REFUSALS = 1000


@implementer(IResolverSimple)
class GuardedResolver:
    """IPv4 answers only, like Scrapy's default CachingThreadedResolver (its HTTP handler connects over IPv4)."""

    def __init__(self, reactor: ReactorBase, policy: NetworkPolicy, *, cache_size: int, timeout: float) -> None:
        self.reactor = reactor
        self.policy = policy
        self.timeout = timeout
        self.refusals: dict[str, str] = {}  # host name -> why it was refused, the last _MAX_REFUSALS names
        dnscache.limit = cache_size

    @classmethod
    def from_crawler(cls, crawler: Any, reactor: ReactorBase) -> Self:
        # Scrapy passes the CrawlerProcess here, which has the settings but no spider yet.
        settings = crawler.settings
        cache_size = settings.getint("DNSCACHE_SIZE") if settings.getbool("DNSCACHE_ENABLED") else 0
        policy = NetworkPolicy.from_entries(settings.getlist(SETTING))
        return cls(reactor, policy, cache_size=cache_size, timeout=settings.getfloat("DNS_TIMEOUT"))

    def install_on_reactor(self) -> None:
        self.reactor.installResolver(self)

    def getHostByName(self, name: str, timeout: Sequence[int] = ()) -> defer.Deferred[str]:  # noqa: N802 (Twisted API)
        if name in dnscache:
            return defer.succeed(dnscache[name])
        lookup = threads.deferToThreadPool(self.reactor, self.reactor.getThreadPool(), _resolve_all, name)
        lookup.addTimeout(self.timeout, self.reactor)
        lookup.addCallback(self._checked, name)
        return lookup

    def _checked(self, addresses: list[IPAddress], name: str) -> str:
        refusal = self.policy.resolved_refusal(name, addresses)
        if refusal:
            self.refusals.pop(name, None)
            self.refusals[name] = refusal
            while len(self.refusals) > _MAX_REFUSALS:
                self.refusals.pop(next(iter(self.refusals)))
            raise BlockedRequest(refusal)
        ipv4 = [str(a) for a in addresses if a.version == 4]
        if not ipv4:
            raise DNSLookupError(f"{name} has no IPv4 address")
        if dnscache.limit:
            dnscache[name] = ipv4[0]
        return ipv4[0]


def refusal_for(host: str) -> str | None:
    """Why the installed GuardedResolver last refused `host`, if it did."""
    from twisted.internet import reactor

    resolver = getattr(reactor, "resolver", None)
    return resolver.refusals.get(host) if isinstance(resolver, GuardedResolver) else None


def _resolve_all(name: str) -> list[IPAddress]:
    """Every address getaddrinfo gives for `name` (runs in a thread: it blocks)."""
    literal = parse_address(name)
    if literal is not None:
        return [literal]
    try:
        infos = socket.getaddrinfo(name, None, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise DNSLookupError(f"{name}: {exc}") from exc
    addresses = []
    for _family, _type, _proto, _canon, sockaddr in infos:
        address = parse_address(str(sockaddr[0]).split("%", 1)[0])  # drop an IPv6 zone id ("fe80::1%eth0")
        if address is not None and address not in addresses:
            addresses.append(address)
    if not addresses:
        raise DNSLookupError(f"{name} resolves to no address")
    return addresses
