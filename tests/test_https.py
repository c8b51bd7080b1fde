"""HTTPS, as real outlets serve: a local TLS server with a certificate made for the test.

`newscorpus sources check` verifies certificates (it reports what works for a site; an invalid certificate is
something to report), so it succeeds when the certificate is trusted (SSL_CERT_FILE) and says "connection:" with
the TLS error when it is not. The crawler lands HTTPS pages in the WARC under their https:// URIs.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from warcio.archiveiterator import ArchiveIterator

from newscorpus.crawl import crawl_source
from newscorpus.sources import Politeness, Source
from newscorpus.sources_check.fetch import fetch
from spiders.network_policy import NetworkPolicy

ARTICLE = "<html><head><title>{0}</title></head><body><h1>{0}</h1><p>Text of {0}.</p></body></html>"


@dataclass
class TlsSite:
    url: str  # https://localhost:PORT
    certificate: Path  # PEM of the self-signed certificate the server presents


def _self_signed(directory: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_path, key_path


def _pages(base: str) -> dict[str, tuple[str, bytes]]:
    sitemap = (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{base}/news/one</loc></url><url><loc>{base}/news/two</loc></url></urlset>"
    )
    return {
        "/robots.txt": ("text/plain", b"User-agent: *\nDisallow:\n"),
        "/sitemap.xml": ("application/xml", sitemap.encode()),
        "/news/one": ("text/html; charset=utf-8", ARTICLE.format("one").encode()),
        "/news/two": ("text/html; charset=utf-8", ARTICLE.format("two").encode()),
    }


@pytest.fixture(scope="module")
def tls_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TlsSite]:
    cert, key = _self_signed(tmp_path_factory.mktemp("tls"))
    pages: dict[str, tuple[str, bytes]] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            content_type, body = pages.get(self.path, ("text/html", b"not here"))
            self.send_response(200 if self.path in pages else 404)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    base = f"https://localhost:{server.server_address[1]}"
    pages.update(_pages(base))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield TlsSite(base, cert)
    finally:
        server.shutdown()
        server.server_close()


POLICY = NetworkPolicy.from_entries(["localhost", "127.0.0.1"])


def test_sources_check_fetches_https_when_the_certificate_is_trusted(
    tls_site: TlsSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(tls_site.certificate))
    fetched = fetch(f"{tls_site.url}/robots.txt", POLICY, timeout=10)
    assert fetched.error is None and fetched.status == 200
    assert b"User-agent" in fetched.body


def test_sources_check_reports_an_untrusted_certificate_as_a_connection_error(
    tls_site: TlsSite, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    empty = tmp_path / "no-ca.pem"
    empty.write_text("")
    monkeypatch.setenv("SSL_CERT_FILE", str(empty))
    fetched = fetch(f"{tls_site.url}/robots.txt", POLICY, timeout=10)
    assert fetched.status is None
    assert fetched.error is not None and fetched.error.startswith("connection: SSLCertVerificationError")


def test_the_crawler_lands_https_pages_under_their_https_uris(tls_site: TlsSite, tmp_path: Path) -> None:
    source = Source(
        id="tls",
        name="TLS",
        language="en",
        timezone="UTC",
        home=tls_site.url + "/",
        allowed_domains=("localhost",),
        sitemaps=(tls_site.url + "/sitemap.xml",),
        article_pattern=r"/news/",
        politeness=Politeness(download_delay=0.0, concurrency=2, autothrottle=False),
    )
    result = crawl_source(
        source,
        crawl_date=dt.date(2026, 11, 20),
        run_id="tls",
        data_root=tmp_path,
        timeout_s=120,
        allowed_networks=["localhost"],
    )
    landed = {}
    for path in result.warc_files:
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type == "response":
                    uri = record.rec_headers.get_header("WARC-Target-URI")
                    landed[uri] = record.content_stream().read()
    assert landed[f"{tls_site.url}/news/one"] == ARTICLE.format("one").encode()
    assert landed[f"{tls_site.url}/news/two"] == ARTICLE.format("two").encode()
    assert all(uri.startswith("https://") for uri in landed)
