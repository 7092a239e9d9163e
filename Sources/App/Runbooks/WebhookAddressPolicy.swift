import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where `aws:invokeWebhook` may post: `http` or `https` URLs whose host resolves only to public addresses, unless the
/// operator allows private ones (`--allow-private-webhooks`). Loopback, link-local (cloud metadata), private,
/// carrier-grade NAT, multicast and unspecified addresses are refused, so a tenant's runbook cannot reach the server's
/// own network.
struct WebhookAddressPolicy: Sendable {
    /// Whether private addresses are allowed.
    let allowsPrivate: Bool

    /// Why the URL may not be posted to, or `nil` when it may.
    func refusal(for text: String) -> String? {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", let host = url.host,
            !host.isEmpty
        else { return "The webhook URL must be an http or https URL" }
        if allowsPrivate { return nil }
        let addresses = Self.resolve(host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")))
        guard !addresses.isEmpty else { return "The webhook host \(host) does not resolve" }
        if addresses.contains(where: Self.isPrivate) {
            return "The webhook host \(host) is a private or local address; the operator may allow those with --allow-private-webhooks"
        }
        return nil
    }

    /// The host's IPv4 and IPv6 addresses, as bytes.
    static func resolve(_ host: String) -> [[UInt8]] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0, let first = list else { return [] }
        defer { freeaddrinfo(first) }
        var found: [[UInt8]] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            if let address = entry.pointee.ai_addr {
                switch Int32(address.pointee.sa_family) {
                case AF_INET:
                    address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                        let value = pointer.pointee.sin_addr.s_addr
                        found.append(withUnsafeBytes(of: value) { Array($0) })
                    }
                case AF_INET6:
                    address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                        found.append(withUnsafeBytes(of: pointer.pointee.sin6_addr) { Array($0) })
                    }
                default:
                    break
                }
            }
            cursor = entry.pointee.ai_next
        }
        return found
    }

    /// Whether an address (4 or 16 bytes, network order) is not a public unicast one.
    static func isPrivate(_ bytes: [UInt8]) -> Bool {
        if bytes.count == 16 {
            let mapped = bytes.prefix(10).allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF
            if mapped { return isPrivate(Array(bytes.suffix(4))) }
            if bytes.allSatisfy({ $0 == 0 }) { return true }  // ::
            if bytes.prefix(15).allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return true }  // ::1
            if bytes[0] & 0xFE == 0xFC { return true }  // fc00::/7 unique local
            if bytes[0] == 0xFE && bytes[1] & 0xC0 == 0x80 { return true }  // fe80::/10 link-local
            if bytes[0] == 0xFF { return true }  // multicast
            return false
        }
        guard bytes.count == 4 else { return true }
        switch (bytes[0], bytes[1]) {
        case (0, _), (10, _), (127, _): return true
        case (100, 64...127): return true  // carrier-grade NAT
        case (169, 254): return true  // link-local, cloud metadata
        case (172, 16...31): return true
        case (192, 168): return true
        case (224...255, _): return true  // multicast, reserved, broadcast
        default: return false
        }
    }
}
