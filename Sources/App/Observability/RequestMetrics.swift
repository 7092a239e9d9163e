import Foundation
import Prometheus
import Synchronization

/// Request counters and latency histograms per service and operation, in Prometheus form.
public struct RequestMetrics: Sendable {
    /// The registry that `/metrics` renders.
    public let registry: PrometheusCollectorRegistry
    private static let buckets: [Duration] = [
        .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5),
    ]

    // Made when a handle is (the descriptor is not Sendable).
    private static var requestsName: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "hikeshi", metricName: "requests", unitName: "total",
            helpText: "AWS API requests answered, by service, operation and HTTP status."
        )
    }
    private static var durationName: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "hikeshi", metricName: "request_duration", unitName: "seconds",
            helpText: "Time to answer AWS API requests, by service and operation."
        )
    }

    /// The most (service, operation, status) handles kept; operations come from the service models, so a server
    /// meets a few hundred at most, and past the bound the registry is asked each time.
    static let handleCapacity = 4096
    private let handles: Handles

    /// Creates the metrics over a registry.
    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        self.handles = Handles()
    }

    /// Records one finished request.
    public func record(service: String, operation: String, status: Int, duration: Duration) {
        let key = HandleKey(service: service, operation: operation, status: status)
        let cached = handles.table.withLock { $0[key] }
        let handle = cached ?? makeHandle(key)
        handle.requests.increment()
        handle.duration.recordNanoseconds(duration.nanoseconds)
    }

    /// The registry's counter and histogram for `key`, kept for the next request with the same labels (the registry
    /// builds and hashes the label list on every lookup).
    private func makeHandle(_ key: HandleKey) -> Handle {
        let handle = Handle(
            requests: registry.makeCounter(
                descriptor: Self.requestsName,
                labels: [("service", key.service), ("operation", key.operation), ("status", String(key.status))]
            ),
            duration: registry.makeDurationHistogram(
                descriptor: Self.durationName,
                labels: [("service", key.service), ("operation", key.operation)],
                buckets: Self.buckets
            )
        )
        handles.table.withLock { table in
            if table.count < Self.handleCapacity { table[key] = handle }
        }
        return handle
    }

    private struct HandleKey: Hashable, Sendable {
        var service: String
        var operation: String
        var status: Int
    }

    private struct Handle: Sendable {
        var requests: Counter
        var duration: DurationHistogram
    }

    private final class Handles: Sendable {
        let table = Mutex<[HandleKey: Handle]>([:])
    }

    /// The registry in the Prometheus text format.
    public func render() -> String {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}

extension Duration {
    /// The duration in whole nanoseconds.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
