import AWSProtocol
import Foundation
import HikeshiCore
import IncidentsAPI
import SSMContactsModel
import SSMIncidentsModel

/// Reads incident history from JSON files written before an account left Incident Manager: the answers of its read
/// operations as the AWS CLI or an SDK saved them, one file per answer or one file per incident.
///
/// A file (or each line of a JSON Lines file) is recognised by its top-level members:
/// - `incidentRecord` (`get-incident-record`), optionally beside `timelineEvents` / `eventSummaries` / `events`,
///   `relatedItems` and `engagements` / `Engagements` for the same incident (a per-incident export);
/// - `incidentRecordSummaries` (`list-incident-records`): records known only by their summary;
/// - `eventSummaries` or `event` / `timelineEvents` (`list-timeline-events`, `get-timeline-event`): events name
///   their incident;
/// - `relatedItems` with `incidentRecordArn` beside it (`list-related-items` with its input);
/// - `Engagements` or `engagements` (`ssm-contacts list-engagements`): each engagement that names an incident becomes
///   a timeline event of that incident, unless an event already refers to it.
///
/// Anything else is reported as a warning and skipped; a file that is not JSON is an error.
public struct ExportSource: Sendable {
    /// The files or directories to read (directories: every `.json` and `.jsonl` file in them, sorted).
    public var paths: [URL]

    /// A reader of `paths`.
    public init(paths: [URL]) {
        self.paths = paths
    }

    /// Reads every file into incidents.
    public func read() throws(MigrationError) -> MigrationSnapshot {
        var collector = Collector()
        for file in try files() {
            let data: Data
            do {
                data = try Data(contentsOf: file)
            } catch {
                throw MigrationError(.invalidArgument, "cannot read \(file.path): \(error.localizedDescription)")
            }
            for (index, document) in try Self.documents(in: data, file: file).enumerated() {
                collector.take(document, place: index == 0 ? file.lastPathComponent : "\(file.lastPathComponent) line \(index + 1)")
            }
        }
        return collector.snapshot()
    }

    private func files() throws(MigrationError) -> [URL] {
        var found: [URL] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory) else {
                throw MigrationError(.invalidArgument, "\(path.path) does not exist")
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path.path)) ?? []
                found += names.filter { $0.hasSuffix(".json") || $0.hasSuffix(".jsonl") }.sorted().map { path.appendingPathComponent($0) }
            } else {
                found.append(path)
            }
        }
        return found
    }

    /// The JSON documents of a file: one, or one per line for JSON Lines.
    static func documents(in data: Data, file: URL) throws(MigrationError) -> [[String: AWSJSONValue]] {
        func object(_ bytes: Data, _ place: String) throws(MigrationError) -> [String: AWSJSONValue] {
            do {
                let value = try AWSJSONCoding.decoder.decode(AWSJSONValue.self, from: bytes)
                guard case .object(let members) = value else {
                    throw MigrationError(.invalidSource, "\(place) is JSON but not an object")
                }
                return members
            } catch let error as MigrationError {
                throw error
            } catch {
                throw MigrationError(.invalidSource, "\(place) is not JSON: \(error)")
            }
        }
        if file.pathExtension == "jsonl" {
            var result: [[String: AWSJSONValue]] = []
            for (number, line) in data.split(separator: UInt8(ascii: "\n")).enumerated()
            where !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                result.append(try object(Data(line), "\(file.path) line \(number + 1)"))
            }
            return result
        }
        return [try object(data, file.path)]
    }

    /// Gathers records, events, items and engagements, then joins them by incident.
    private struct Collector {
        var records: [String: SSMIncidents.IncidentRecord] = [:]
        var order: [String] = []
        var events: [String: [String: SSMIncidents.TimelineEvent]] = [:]
        var items: [String: [SSMIncidents.RelatedItem]] = [:]
        var engagements: [String: [SSMContacts.Engagement]] = [:]
        var warnings: [String] = []

        mutating func take(_ document: [String: AWSJSONValue], place: String) {
            var recognised = false
            if let record = decode(SSMIncidents.IncidentRecord.self, document["incidentRecord"]) {
                add(record)
                recognised = true
                if let list = document["timelineEvents"] ?? document["events"] ?? document["eventSummaries"] {
                    addEvents(list, place)
                }
                if let list = decode([SSMIncidents.RelatedItem].self, document["relatedItems"]) {
                    items[record.arn, default: []] += list
                }
                addEngagements(document["engagements"] ?? document["Engagements"], place)
            } else {
                if let summaries = decode([SSMIncidents.IncidentRecordSummary].self, document["incidentRecordSummaries"]) {
                    summaries.forEach { addSummary($0) }
                    recognised = true
                }
                if let list = document["eventSummaries"] ?? document["timelineEvents"] {
                    addEvents(list, place)
                    recognised = true
                }
                if let event = decode(SSMIncidents.TimelineEvent.self, document["event"]) {
                    events[event.incidentRecordArn, default: [:]][event.eventId] = event
                    recognised = true
                }
                if let list = decode([SSMIncidents.RelatedItem].self, document["relatedItems"]) {
                    recognised = true
                    if case .string(let incident) = document["incidentRecordArn"] {
                        items[incident, default: []] += list
                    } else {
                        warnings.append("\(place): related items without incidentRecordArn beside them are skipped")
                    }
                }
                if document["engagements"] != nil || document["Engagements"] != nil {
                    addEngagements(document["engagements"] ?? document["Engagements"], place)
                    recognised = true
                }
            }
            if !recognised {
                warnings.append("\(place): not an Incident Manager export (no incidentRecord, timeline events, related items or engagements)")
            }
        }

        mutating func add(_ record: SSMIncidents.IncidentRecord) {
            if records[record.arn] == nil { order.append(record.arn) }
            records[record.arn] = record
        }

        /// A record known only by its summary; a full record read elsewhere wins.
        mutating func addSummary(_ summary: SSMIncidents.IncidentRecordSummary) {
            guard records[summary.arn] == nil else { return }
            add(
                SSMIncidents.IncidentRecord(
                    arn: summary.arn, creationTime: summary.creationTime, dedupeString: "", impact: summary.impact,
                    incidentRecordSource: summary.incidentRecordSource, lastModifiedBy: summary.incidentRecordSource.createdBy,
                    lastModifiedTime: summary.resolvedTime ?? summary.creationTime, resolvedTime: summary.resolvedTime, status: summary.status,
                    title: summary.title))
        }

        /// Full events, or summaries (which carry no text: their type stands in for it).
        mutating func addEvents(_ value: AWSJSONValue, _ place: String) {
            if let full = decode([SSMIncidents.TimelineEvent].self, value) {
                for event in full { events[event.incidentRecordArn, default: [:]][event.eventId] = event }
            } else if let summaries = decode([SSMIncidents.EventSummary].self, value) {
                for summary in summaries where events[summary.incidentRecordArn]?[summary.eventId] == nil {
                    events[summary.incidentRecordArn, default: [:]][summary.eventId] = SSMIncidents.TimelineEvent(
                        eventData: "", eventId: summary.eventId, eventReferences: summary.eventReferences, eventTime: summary.eventTime,
                        eventType: summary.eventType, eventUpdatedTime: summary.eventUpdatedTime, incidentRecordArn: summary.incidentRecordArn)
                }
            }
        }

        mutating func addEngagements(_ value: AWSJSONValue?, _ place: String) {
            guard let value, let list = decode([SSMContacts.Engagement].self, value) else { return }
            for engagement in list {
                guard let incident = engagement.incidentId, incident.contains(":incident-record/") else { continue }
                engagements[incident, default: []].append(engagement)
            }
        }

        /// `value` as `T`, or `nil` when it is absent or not one.
        func decode<T: Decodable>(_ type: T.Type, _ value: AWSJSONValue?) -> T? {
            guard let value else { return nil }
            return try? AWSJSONCoding.decoder.decode(T.self, from: AWSJSONCoding.encoder.encode(value))
        }

        func snapshot() -> MigrationSnapshot {
            var snapshot = MigrationSnapshot()
            var warnings = self.warnings
            for arn in order {
                guard let record = records[arn] else { continue }
                var timeline = (events[arn] ?? [:]).values.sorted { ($0.eventTime, $0.eventId) < ($1.eventTime, $1.eventId) }
                for engagement in engagements[arn] ?? [] where !timeline.contains(where: { $0.eventData.contains(engagement.engagementArn) }) {
                    let data: AWSJSONValue = .object([
                        "engagementArn": .string(engagement.engagementArn), "contactArn": .string(engagement.contactArn),
                        "sender": .string(engagement.sender),
                    ])
                    let text = (try? AWSJSONCoding.encoder.encode(data)).flatMap { String(data: $0, encoding: .utf8) } ?? ""
                    let time = engagement.startTime ?? record.creationTime
                    timeline.append(
                        SSMIncidents.TimelineEvent(
                            eventData: text, eventId: "engagement-\(StableHash.fnv1a64Hex(Array(engagement.engagementArn.utf8)))", eventTime: time,
                            eventType: "Custom Event", eventUpdatedTime: time, incidentRecordArn: arn))
                }
                timeline.sort { ($0.eventTime, $0.eventId) < ($1.eventTime, $1.eventId) }
                snapshot.incidents.append(IncidentImport(record: record, timeline: timeline, relatedItems: items[arn] ?? [], tags: [:]))
            }
            let orphans = Set(events.keys).union(items.keys).subtracting(records.keys)
            for arn in orphans.sorted() {
                warnings.append("events or related items of \(arn) were found but not its record; they are skipped")
            }
            snapshot.warnings = warnings
            return snapshot
        }
    }
}
