import AWSProtocol
import Foundation
import HikeshiCore
import SupportModel

extension SupportHandler {
    /// Services and their categories, named in the requested language.
    public func describeServices(_ input: Support.DescribeServicesRequest, context: AWSRequestContext) async throws
        -> Support.DescribeServicesResponse
    {
        let language = try Self.language(input.language)
        let wanted = input.serviceCodeList.map(Set.init)
        let services = SupportCatalog.services.filter { wanted?.contains($0.code) ?? true }
        return Support.DescribeServicesResponse(
            services: services.map { service in
                Support.Service(
                    code: service.code,
                    name: service.name(in: language),
                    categories: service.categories.map { Support.Category(code: $0.code, name: $0.name(in: language)) }
                )
            }
        )
    }

    /// The severities the caller's plan offers, named in the requested language.
    public func describeSeverityLevels(_ input: Support.DescribeSeverityLevelsRequest, context: AWSRequestContext) async throws
        -> Support.DescribeSeverityLevelsResponse
    {
        let language = try Self.language(input.language)
        let definition = try await read(context.logger) { tx in try await DeskStore(tx).planDefinition(accountID: context.accountID).definition }
        return Support.DescribeSeverityLevelsResponse(
            severityLevels: definition.severities.map { Support.SeverityLevel(code: $0.rawValue, name: $0.name(in: language)) }
        )
    }

    /// The four languages the desk answers in.
    public func describeSupportedLanguages(_ input: Support.DescribeSupportedLanguagesRequest, context: AWSRequestContext) async throws
        -> Support.DescribeSupportedLanguagesResponse
    {
        try Self.checkIssueType(input.issueType)
        try Self.checkService(input.serviceCode, category: input.categoryCode)
        return Support.DescribeSupportedLanguagesResponse(
            supportedLanguages: SupportLanguage.allCases.map {
                Support.SupportedLanguage(code: $0.rawValue, language: $0.englishName, display: $0.nativeName)
            }
        )
    }

    /// How a case can be raised on the caller's plan: web, chat, call, with the hours and closed dates of the
    /// language's business calendar (24/7 plans are always open for technical cases).
    public func describeCreateCaseOptions(_ input: Support.DescribeCreateCaseOptionsRequest, context: AWSRequestContext) async throws
        -> Support.DescribeCreateCaseOptionsResponse
    {
        try Self.checkIssueType(input.issueType)
        let service = try Self.checkService(input.serviceCode, category: input.categoryCode)
        let language = try Self.language(input.language)
        let now = clock.now()
        let (definition, open) = try await read(context.logger) { tx in
            let store = DeskStore(tx)
            let (plan, definition) = try await store.planDefinition(accountID: context.accountID)
            let calendar = try await store.clockCalendar(
                definition: definition, technical: service.isTechnical, language: language, timeZone: plan.timeZone)
            return (definition, calendar)
        }
        // AWS lists hours without weekdays: each distinct window once (an always-open calendar gives 12:00 AM–12:00 AM).
        let hours = Array(Set(open.supportedHours.map { [$0.startTime, $0.endTime] })).sorted { $0.lexicographicallyPrecedes($1) }.map {
            Support.SupportedHour(startTime: $0[0], endTime: $0[1])
        }
        let closed = open.closedDates(from: now, to: now.addingTimeInterval(60 * 86_400)).map { holiday in
            let interval = open.dayInterval(of: holiday.date)
            return Support.DateInterval(startDateTime: Self.timestamp(interval.start), endDateTime: Self.timestamp(interval.end))
        }
        let channels = service.isTechnical && !definition.technicalCases ? [] : definition.channels
        return Support.DescribeCreateCaseOptionsResponse(
            languageAvailability: "available",
            communicationTypes: channels.map {
                Support.CommunicationTypeOptions(type: $0.rawValue, supportedHours: hours, datesWithoutSupport: closed)
            }
        )
    }

    /// `technical` (when absent) or `customer-service`; anything else is a validation error.
    @discardableResult
    static func checkIssueType(_ issueType: String?) throws -> SupportIssueType {
        guard let issueType, !issueType.isEmpty else { return .technical }
        guard let value = SupportIssueType(rawValue: issueType) else {
            throw SupportError.invalid("issueType", "The issue type must be technical or customer-service")
        }
        return value
    }

    /// The catalogue entry of a service and category; unknown codes are validation errors.
    @discardableResult
    static func checkService(_ serviceCode: String, category: String) throws -> SupportServiceEntry {
        guard let service = SupportCatalog.service(code: serviceCode) else {
            throw SupportError.invalid("serviceCode", "Unknown service code \(serviceCode); DescribeServices lists them")
        }
        guard SupportCatalog.category(code: category, service: serviceCode) != nil else {
            throw SupportError.invalid("categoryCode", "Unknown category \(category) for \(serviceCode)")
        }
        return service
    }
}
