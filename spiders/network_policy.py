"""Which addresses the crawler may connect to: the public internet, plus what the operator lists explicitly.

A crawler follows links written by strangers, so without this a feed could point it at the cloud metadata service
(169.254.169.254), an admin panel on 10.x, or the machine's own loopback services (server-side request forgery).

Rules, applied to every address a request would connect to:
- A public (globally routable) address is always allowed.
- Anything else is refused: loopback, private (RFC 1918, fc00::/7), link-local, multicast, unspecified, reserved,
  carrier-grade NAT (100.64.0.0/10), other non-global ranges, and cloud metadata endpoints. IPv6 forms that embed
  an IPv4 address (::ffff:a.b.c.d, 6to4 2002::/16, NAT64 64:ff9b::/96) are judged by the embedded address too.
- Exceptions come from NEWSCORPUS_ALLOWED_NETWORKS, a list of CIDR networks and host names:
  - a network entry ("127.0.0.1/32") allows URLs that name an address inside it literally (http://127.0.0.1:8000/);
  - a host-name entry ("localhost") allows that exact name (no subdomains) to resolve to non-public addresses.
  A network entry does NOT let a host name resolve into that network: with only 127.0.0.1/32 allowed,
  http://localhost/ is refused. Otherwise any name in an allowed domain whose DNS answer can be changed (or a DNS
  rebinding attack) could reach the network that was opened for literal addresses only. List the name to allow it.
- Cloud metadata addresses stay refused even for a listed host name, unless a network entry contains them.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from dataclasses import dataclass

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

SETTING = "NEWSCORPUS_ALLOWED_NETWORKS"

# AWS/GCP/Azure/OpenStack (169.254.169.254), AWS ECS task metadata, Alibaba Cloud, AWS IMDS over IPv6.
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a) for a in ("169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2::254")
)
_CARRIER_GRADE_NAT = ipaddress.ip_network("100.64.0.0/10")
_RFC1918_AND_ULA = tuple(ipaddress.ip_network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"))
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_LABEL = r"[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?"
_HOST_NAME = re.compile(rf"^(?=.{{1,253}}$){_LABEL}(\.{_LABEL})*$")


def non_public_kind(address: IPAddress) -> str | None:
    """Why `address` is not on the public internet ("loopback", "private", ...), or None when it is public."""
    for embedded in _embedded_ipv4(address):
        kind = non_public_kind(embedded)
        if kind:
            return f"{kind} (embedded in {address})"
    if address in METADATA_ADDRESSES:
        return "cloud metadata"
    checks = (
        (address.is_loopback, "loopback"),
        (address.is_unspecified, "unspecified"),
        (address.is_link_local, "link-local"),
        (address.is_multicast, "multicast"),
        (address in _CARRIER_GRADE_NAT, "carrier-grade NAT"),
        (any(address in network for network in _RFC1918_AND_ULA), "private"),
        (address.is_reserved, "reserved"),
        (not address.is_global, "non-global"),
    )
    return next((kind for matched, kind in checks if matched), None)


def _embedded_ipv4(address: IPAddress) -> list[ipaddress.IPv4Address]:
    if not isinstance(address, ipaddress.IPv6Address):
        return []
    embedded = [address.ipv4_mapped, address.sixtofour]
    if address in _NAT64:
        embedded.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return [a for a in embedded if a is not None]


def parse_address(host: str) -> IPAddress | None:
    """The address a URL host names literally ("10.0.0.1", "[::1]" already unbracketed), or None for a name."""
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


@dataclass(frozen=True)
class NetworkPolicy:
    allowed_networks: tuple[IPNetwork, ...] = ()
    allowed_hosts: frozenset[str] = frozenset()

    @classmethod
    def from_entries(cls, entries: Iterable[str]) -> NetworkPolicy:
        """Entries are CIDR networks ("10.1.0.0/16"), single addresses ("127.0.0.1") or host names ("localhost").

        Raises ValueError for an entry that is none of these, so a typo fails the crawl instead of widening nothing.
        """
        networks: list[IPNetwork] = []
        hosts: set[str] = set()
        for raw in entries:
            entry = raw.strip()
            if not entry:
                continue
            try:
                networks.append(ipaddress.ip_network(entry, strict=False))
                continue
            except ValueError:
                pass
            name = _normal_host(entry)
            if not _HOST_NAME.match(name):
                raise ValueError(f"{SETTING}: {raw!r} is neither a network (CIDR) nor a host name")
            hosts.add(name)
        return cls(tuple(networks), frozenset(hosts))

    def literal_refusal(self, address: IPAddress) -> str | None:
        """Why a URL that names `address` literally must not be fetched, or None."""
        kind = non_public_kind(address)
        if kind is None or self._in_allowed_network(address):
            return None
        return f"{kind} address {address} (not in {SETTING})"

    def resolved_refusal(self, host: str, addresses: Iterable[IPAddress]) -> str | None:
        """Why `host`, resolving to `addresses`, must not be fetched, or None. Every address must pass."""
        literal = parse_address(host)
        if literal is not None:
            return self.literal_refusal(literal)
        listed = _normal_host(host) in self.allowed_hosts
        for address in addresses:
            kind = non_public_kind(address)
            if kind is None:
                continue
            if listed and ("cloud metadata" not in kind or self._in_allowed_network(address)):
                continue
            advice = f"a network in {SETTING} containing it" if listed else f"the host name in {SETTING}"
            return f"{host} resolves to {kind} address {address} (to allow it, list {advice})"
        return None

    def _in_allowed_network(self, address: IPAddress) -> bool:
        return any(address.version == network.version and address in network for network in self.allowed_networks)


def _normal_host(host: str) -> str:
    return host.strip().rstrip(".").lower()
