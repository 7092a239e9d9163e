/// A self-signed certificate and key for the fake servers' TLS, made once with
/// `openssl req -x509 -newkey rsa:2048 -nodes -days 36500 -subj /CN=localhost -addext "subjectAltName=DNS:localhost,IP:127.0.0.1"`.
/// Test-only: it protects nothing.
enum TestCertificate {
    /// The certificate, PEM.
    static let certificatePEM = """
        -----BEGIN CERTIFICATE-----
        MIIDJzCCAg+gAwIBAgIUYRsplZNQhyNbuKHL2QbUNdOzaUEwDQYJKoZIhvcNAQEL
        BQAwFDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyMTEwMzczOFoYDzIxMjYx
        MDI4MTAzNzM4WjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwggEiMA0GCSqGSIb3DQEB
        AQUAA4IBDwAwggEKAoIBAQCY9U72JGgNPaK0DcIKcUwB1JBqGAW1KXrxkq0NhoNv
        Mrpx5Bq3gsqf5Nbc97+/bAXI1u1vHlomgK5CfT35NJZAgGCQDh15Ef6FhNF5TtVD
        HDB5SRyhD52+W+4k4NrbQpCzg6a4fvwP1vrWwBsStpb/+SXuR3MzrWuOMecpT0Wf
        VAkd79Xbtx3uFtFlcSqJ41TS0hBoAwk0j/r+dcAf6Vg3A0OcdqrxdE14vDomIFtT
        8lSC2F5ca63JKwjAFDnXaD0ZpEfjVvQcXvcy/udcrqf/leVBVmXcf4u2jqrh/LFm
        M66CgT0fia9dHaWF3hKL3GhimFPdFgZZcJUSLQ51pR/lAgMBAAGjbzBtMB0GA1Ud
        DgQWBBTaeq6iXruRsgpE1frFgMftTWKdbzAfBgNVHSMEGDAWgBTaeq6iXruRsgpE
        1frFgMftTWKdbzAPBgNVHRMBAf8EBTADAQH/MBoGA1UdEQQTMBGCCWxvY2FsaG9z
        dIcEfwAAATANBgkqhkiG9w0BAQsFAAOCAQEAcnVIgx/ZG61AWZY17KcKxWsDq2Rb
        R82XjWrl8VmBq/MtxmD2ds0JzW39YTvQN2pPu3rJbPFyOvTcxMEEI7NLloaJfStJ
        60kFUYmHpbGD9u284vU1OO6I8l5CFTfr1ez6GNyHYK6ZUWIvNNfyBhTiByIaVswz
        XVBqtz9MguMsOR3nspgJ55PpqP5Eu+3zkJDUGf4cl2k21hYdYbKDdlZzrW8pXOUa
        7WQBKhMcMkfKkzRtKb9t0JApr8p055a/ht+X+YTqnVZsVwXCCqgJl3GoDJCFfn2a
        eDP98vrWyH1ShqitumGOUtvy+4FLqgsIS8q0h08Er/VyQqCKIyjHTD3pjQ==
        -----END CERTIFICATE-----
        """

    /// Its RSA private key, PEM.
    static let privateKeyPEM = """
        -----BEGIN PRIVATE KEY-----
        MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQCY9U72JGgNPaK0
        DcIKcUwB1JBqGAW1KXrxkq0NhoNvMrpx5Bq3gsqf5Nbc97+/bAXI1u1vHlomgK5C
        fT35NJZAgGCQDh15Ef6FhNF5TtVDHDB5SRyhD52+W+4k4NrbQpCzg6a4fvwP1vrW
        wBsStpb/+SXuR3MzrWuOMecpT0WfVAkd79Xbtx3uFtFlcSqJ41TS0hBoAwk0j/r+
        dcAf6Vg3A0OcdqrxdE14vDomIFtT8lSC2F5ca63JKwjAFDnXaD0ZpEfjVvQcXvcy
        /udcrqf/leVBVmXcf4u2jqrh/LFmM66CgT0fia9dHaWF3hKL3GhimFPdFgZZcJUS
        LQ51pR/lAgMBAAECggEAAVc71IOtRl+xeLdQY7IdDftU64aM5GWuxxZKMatdzqSD
        PQiFBRuGBGBSBhzONZ3mgd7r9liwyYOo08CPnf7/CE8yj3FxuDphl8od7f1m9VhV
        re3VtzMl185kt90DgLS0J7o14ng34Tk/AYtcJXw34AWBuB8qibgrqy8vT09L1StQ
        oNfY3Y7Yi+HZdG+aYrZtXlDabStWIt4lWm3BYOVAM0b+TXKlZL/88f8qyZwINbg2
        2X0pVyzrK2e0HVOKku/UiZ+ZVTsmh+dyL3mNVLIDPnycrHzYM6kFrAtfGLwN8Y2p
        s4z1P4kiLOQ2CjkcNG3GPKAIGLzezih37durqFbAOQKBgQDTLW/wRKo0M9zEvFju
        4LUvQhUGK0k90piKetPB5FKwvugLLtRE9DT5dZDW2A/E/FNQjnAzinR9BpacQh9h
        VtRHIcXOF/MT+jkfiCIfg+EiLO5iAw7kIFDjQiVvkHn8pH3xPZZ54wywXZ/scQMc
        S1JuCNQJWVN794F6UnGduANF+wKBgQC5bHatxIenUzkvJcX0HY2JvWOvu5kgkBU6
        vaa4zBYtHCW1gYt+PVdx+EImKpaAoJlE5okbJTwupZENVMJg1s8Z8faR11IdaMvD
        oOfyJOo8abxixXf4Zo1eC8WUmtPR3c39kAyLTUssMVAE74LDnTLAgoqouovBWTMs
        vVcmkzqrnwKBgE44b1UM6gqKB0UsCrj4rMQDcywkzm1C21O36UXRX7uuCt9Riji8
        R/76yBp8T2MEn4ugJvlAWKOS1Ciu6VaxxdFPNih/gH8u2QfP8evAepyhDe9p+JMR
        UUTMVHd9iWHGQAwiZuFg82tEUp9OwPsy/yZYyMlpt92cMO5xKTplVXkPAoGAduyC
        3YZL/txYs82FPcFqkuoeMoqedo0SoJ8cfC+hFYOVB+mzPt8244j3XCU6a/sU8mTt
        kLR7+esEskkndhavs5NFslood2ZMMgdUXDCi7uZeBfdir7WOe8APE/WNX2/j+vnV
        oc6MJSbnjJLVCoMbFu9i4T7r/bEpKkuxxrLtET8CgYBZDCLqXvqVsB7mzdXbphKM
        bbZBjPT++9dtPfBpe4v7WUUrg2jHvc+y6CItDOfcgIFnqG1hvCkXVvVk4qP1PBxR
        2RJPzeEpok14dCIL0MHz+rv3c5SO+JL4jJJNGWVWnH1RLu7XxWehto7tJ3w2QGOa
        Bb7HFQE7k7RBm0EKVMdhNg==
        -----END PRIVATE KEY-----
        """
}
