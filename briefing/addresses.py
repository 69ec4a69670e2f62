"""Which network addresses a link found in a feed or page may reach: public ones only, unless allowed."""

from __future__ import annotations

import http.client
import ipaddress
import socket
import urllib.parse
import urllib.request

from briefing.errors import InputError

PRIVATE_HINT = "set allow_private = true in the config to brief your own intranet"


def is_public_ip(text: str) -> bool:
    """An address on the public internet: not loopback, link-local, private, shared or reserved."""
    try:
        address = ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def resolve(host: str) -> list[str]:
    """Every address `host` resolves to ([] when it does not resolve: the download says so)."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return []
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def is_local(url: str) -> bool:
    """A file, or a web address whose host is (or resolves to) a non-public address."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        return True
    host = parts.hostname or ""
    return any(not is_public_ip(address) for address in resolve(host)) if host else True


def refuse_private(url: str) -> None:
    """Stop a download whose host resolves to a local or private address.

    Checked after DNS resolution, so a public-looking name that points at
    127.0.0.1 or the cloud metadata address is refused too.

    Raises:
        InputError: the host is, or resolves to, a non-public address.
    """
    host = urllib.parse.urlsplit(url).hostname or ""
    for address in resolve(host):
        if not is_public_ip(address):
            raise InputError(url, f"refused: {host} is a local or private address ({address})")


def _check_peer(sock: socket.socket | None, host: str) -> None:
    """Refuse a connection that landed on a non-public address (DNS changed since the check)."""
    if sock is None:
        return
    try:
        address = str(sock.getpeername()[0])
    except OSError:
        return
    if not is_public_ip(address):
        sock.close()
        raise InputError(host, f"refused: {host} is a local or private address ({address})")


class _PublicHTTPConnection(http.client.HTTPConnection):
    def connect(self) -> None:
        super().connect()
        _check_peer(self.sock, self.host)


class _PublicHTTPSConnection(http.client.HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        _check_peer(self.sock, self.host)


class PublicHTTPHandler(urllib.request.HTTPHandler):
    """Plain HTTP whose every connection is checked where it really went."""

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_PublicHTTPConnection, req)


class PublicHTTPSHandler(urllib.request.HTTPSHandler):
    """HTTPS whose every connection is checked where it really went."""

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_PublicHTTPSConnection, req, context=self._context)  # type: ignore[attr-defined]


def public_handlers() -> list[urllib.request.BaseHandler]:
    """Handlers checking the connected address too (so a name re-resolved between the check
    and the connection can't reach inward); none behind a proxy, whose own address is the peer."""
    if urllib.request.getproxies():
        return []
    return [PublicHTTPHandler(), PublicHTTPSHandler()]
