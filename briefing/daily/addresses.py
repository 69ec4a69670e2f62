"""Which network addresses a link found in a feed or page may reach: public ones only, unless allowed."""

from __future__ import annotations

import ipaddress
import socket
import urllib.parse

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
