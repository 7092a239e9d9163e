import AWSProtocol
import Alerting
import AnalysisAPI
import AsyncHTTPClient
import Console
import ContactsAPI
import Delivery
import Foundation
import HTTPTypes
import HikeshiCore
import HikeshiModel
import Hummingbird
import HummingbirdCore
import Identity
import IncidentsAPI
import Logging
import NIOCore
import OpsCenterAPI
import Paging
import RunbooksAPI
import SSMContactsModel
import SSMIncidentsModel
import SSMModel
import Scheduler
import ServiceLifecycle
import Storage
import SupportAPI
import SupportModel

/// The request context: Hummingbird's basics and the client's address (the console throttles sign-ins by it); AWS facts
/// travel in ``AWSRequestContext``.
public struct HikeshiRequestContext: RequestContext, RemoteAddressRequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The connected client (the proxy, behind one).
    public let remoteAddress: SocketAddress?

    /// A context for a request arriving on `source.channel`.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }
}

/// Builds the whole server: database, identity, scheduler, the AWS API and the plain routes.
///
/// Used by `hikeshi serve` and by the tests, so both run the same wiring.
public func buildApplication(
    _ configuration: HikeshiConfiguration,
    onReady: @escaping @Sendable (_ port: Int, _ credentials: CredentialsBootstrap.Outcome?) async -> Void = { _, _ in }
) async throws -> some ApplicationProtocol {
    let logger = {
        var logger = Logger(label: "hikeshi")
        logger.logLevel = configuration.logLevel
        return logger
    }()
    let core = try await CoreServices.open(configuration, logger: logger)
    let metrics = RequestMetrics()
    // Everything that enqueues jobs wakes the scheduler through this signal, made before both.
    let notifier = WakeSignal()
    // `--dev-mail=log` prints every message instead of sending it, and then SMTP and Twilio are not used at all.
    let printer = configuration.devMail == .log ? DevMailPrinter(logger: logger) : nil
    let smtp = try printer == nil ? configuration.smtp.map { try SMTPClient(configuration: $0, logger: logger) } : nil
    let twilioConfiguration = configuration.twilio
    let twilio = printer == nil ? twilioConfiguration.map { TwilioClient(configuration: $0, httpClient: HTTPClient.shared, logger: logger) } : nil
    let pageSender: any PageSender = printer ?? DeliveryPageSender(smtp: smtp, twilio: twilio, publicURL: configuration.publicURL)
    let caseMailer: (any CaseMailer)? = printer ?? smtp.map { SMTPCaseMailer(smtp: $0) }
    let paging = PagingEngine(
        store: SQLFamilyStore.paging(core.database),
        clock: core.clock,
        sender: pageSender,
        resolver: RotationOnCallResolver(store: SQLFamilyStore.paging(core.database), logger: logger),
        notifier: notifier,
        logger: logger
    )
    let registry = IntegrationRegistry(store: SQLFamilyStore.incidents(core.database), clock: core.clock, sealer: core.secrets, logger: logger)
    let incidentJobs: [any JobHandler] = [
        NotificationFanOut(store: SQLFamilyStore.incidents(core.database), clock: core.clock, notifier: notifier, logger: logger),
        ChatDeliveryHandler(store: SQLFamilyStore.incidents(core.database), registry: registry, httpClient: HTTPClient.shared, logger: logger),
        FirstResponseBreachJob(store: SQLFamilyStore.support(core.database), clock: core.clock, notifier: notifier, logger: logger),
        CaseMailJob(store: SQLFamilyStore.support(core.database), mailer: caseMailer, logger: logger),
        MailNoticeJob(mailer: caseMailer, logger: logger),
        UpstreamSyncJob(
            store: SQLFamilyStore.support(core.database), caller: AWSUpstreamCaller(logger: logger),
            sealer: core.secrets, clock: core.clock, logger: logger),
        IncidentRunbookStartJob(store: SQLFamilyStore.incidentRunbooks(core.database), clock: core.clock, notifier: notifier, logger: logger),
        IncidentRunbookEventJob(store: SQLFamilyStore.incidents(core.database), clock: core.clock, notifier: notifier, logger: logger),
        OpsItemChatJob(store: SQLFamilyStore.incidents(core.database), registry: registry, httpClient: HTTPClient.shared, logger: logger),
    ]
    let directory = ServiceDirectory()
    let identity = core.identity
    let automation = AutomationEngine(
        store: SQLFamilyStore.runbooks(core.database), clock: core.clock,
        effects: RunbookEffects(
            services: directory, scripts: PythonScriptRunner(clock: core.clock),
            webhooks: WebhookAddressPolicy(allowsPrivate: configuration.allowPrivateWebhooks)),
        scripts: configuration.allowScripts,
        isAdministrator: { account in (try? await identity.isProvider(account)) ?? false }, notifier: notifier, observer: IncidentRunbookObserver(),
        logger: logger)
    let scheduler = SchedulerService(
        jobs: SQLJobStore(database: core.database), clock: core.clock, handlers: paging.handlers + incidentJobs + [automation],
        owner: configuration.nodeName ?? SchedulerService.defaultNodeName, wakeSignal: notifier, logger: logger)
    let contacts = ContactsHandler(store: SQLFamilyStore.contacts(core.database), clock: core.clock, notifier: scheduler, logger: logger)
    let incidents = IncidentsHandler(store: SQLFamilyStore.incidents(core.database), clock: core.clock, notifier: scheduler, logger: logger)
    let desk = SupportDesk(
        store: SQLFamilyStore.support(core.database), clock: core.clock, notifier: scheduler, sealer: core.secrets, logger: logger)
    let automationAPI = AutomationHandler(
        store: SQLFamilyStore.runbooks(core.database), clock: core.clock, notifier: scheduler, observer: IncidentRunbookObserver())
    let support = SupportHandler(store: SQLFamilyStore.support(core.database), clock: core.clock, notifier: scheduler, logger: logger)
    let analysis = AnalysisHandler(store: SQLFamilyStore.analysis(core.database), clock: core.clock)
    let documents = RunbooksHandler(store: SQLFamilyStore.runbooks(core.database), clock: core.clock)
    let apiServices: [any AWSServiceHandler] = [
        SSMContactsService(handler: contacts), SSMIncidentsService(handler: incidents),
        SupportService(handler: support),
        HikeshiService(
            integrations: IntegrationAdmin(registry: registry, publicURL: configuration.publicURL), analysis: analysis, desk: desk),
        SSMInputErrorTranslator(
            SSMService(
                opsCenter: OpsCenterHandler(store: SQLFamilyStore.opsCenter(core.database), clock: core.clock),
                automation: AutomationHandler(
                    store: SQLFamilyStore.runbooks(core.database), clock: core.clock, notifier: scheduler, observer: IncidentRunbookObserver()),
                documents: documents
            )),
    ]
    directory.register(apiServices)
    // One rate per access key, whichever API it calls.
    let apiThrottle = TokenBuckets(limit: configuration.apiThrottle)
    let endpoint = AWSEndpoint(
        services: apiServices,
        directory: core.identity,
        metrics: metrics,
        throttle: apiThrottle,
        audit: SQLAuditLog(database: core.database),
        clock: core.clock,
        logger: logger
    )
    let migrations = MigrationGate()
    let router = Router(context: HikeshiRequestContext.self)
    router.get("/health") { _, _ -> Response in
        migrations.isCompleted ? Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "ok\n"))) : Response(status: .serviceUnavailable)
    }
    router.get("/metrics") { _, _ -> Response in
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; version=0.0.4"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: metrics.render())))
    }
    CalendarFeed(store: SQLFamilyStore.contacts(core.database), clock: core.clock, logger: logger).register(on: router)
    IntegrationWebhooks(
        registry: registry,
        incidents: incidents,
        batcher: TriggerBatcher(handler: incidents, logger: logger),
        clock: core.clock,
        snsSigningKey: try configuration.snsCertificatePEM().map { pem throws(AlertingError) in try SNSSigningKey(certificatePEM: pem) },
        httpClient: HTTPClient.shared,
        confirmAnyHost: configuration.snsConfirmAnyHost,
        throttle: TokenBuckets(limit: configuration.webhookThrottle),
        logger: logger
    ).register(on: router)
    SlackWebhooks(registry: registry, incidents: incidents, automation: automationAPI, logger: logger).register(on: router)
    try ConsoleRoutes(
        services: ConsoleServices(
            incidents: incidents, timeline: incidents, contacts: contacts, support: support, desk: desk, analysis: analysis,
            automation: automationAPI,
            documents: documents, accessKeys: IdentityAccessKeys(identity: core.identity),
            calendarFeeds: ContactsCalendarFeeds(
                store: SQLFamilyStore.contacts(core.database), clock: core.clock, publicURL: configuration.publicURL),
            store: SQLFamilyStore.console(core.database), clock: core.clock, audit: SQLAuditLog(database: core.database)),
        hasher: PasswordHasher(), publicURL: configuration.publicURL, region: configuration.consoleRegion, logger: logger
    ).register(on: router)
    if let twilioConfiguration {
        TwilioWebhooks(
            contacts: contacts,
            signature: TwilioSignature(authToken: twilioConfiguration.authToken),
            publicURL: configuration.publicURLOverride.map { _ in configuration.publicURL },
            logger: logger
        ).register(on: router)
    }
    logger.info(
        "delivery",
        metadata: [
            "delivery.email": .stringConvertible(smtp != nil), "delivery.twilio": .stringConvertible(twilio != nil),
            "delivery.dev_mail": .string(configuration.devMail.rawValue),
        ]
    )
    configuration.logDeliveryMode(on: logger)
    let responder = HikeshiResponder(
        endpoint: endpoint, sts: STSEndpoint(keys: core.identity, metrics: metrics, throttle: apiThrottle, logger: logger),
        fallback: router.buildResponder(), migrations: migrations)

    let credentials = CredentialsOutcomeBox()
    // Shut down in reverse order: the HTTP server (added last by Hummingbird), the scheduler, the migrations, the pool,
    // then the database.
    var services: [any Service] = [DatabaseShutdownService(database: core.database)]
    if let postgres = core.postgres {
        services.append(PostgresPoolService(database: postgres, logger: logger))
    }
    services.append(
        MigrationService(gate: migrations) {
            try await core.prepare(logger: logger)
            let outcome = try await CredentialsBootstrap.run(
                identity: core.identity,
                bootstrap: configuration.bootstrap,
                dataDirectory: configuration.dataDirectory,
                logger: logger
            )
            credentials.set(outcome)
        }
    )
    services.append(SchedulerAfterMigrations(scheduler: scheduler, gate: migrations))
    services.append(
        AuditRetentionService(
            audit: SQLAuditLog(database: core.database), retention: configuration.auditRetention, clock: core.clock, gate: migrations,
            logger: logger))
    if let postgres = core.postgres {
        // Jobs enqueued on other nodes wake this one at once.
        services.append(JobNotificationListener(database: postgres, logger: logger) { notifier.wake() })
    }
    return Application(
        responder: responder,
        // A client that stops sending (a body shorter than its Content-Length) is cut off instead of held forever.
        server: .http1(configuration: HTTP1Channel.Configuration(idleTimeout: .seconds(60))),
        configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: "hikeshi"),
        services: services,
        onServerRunning: { channel in
            // Hummingbird accepts connections only after this returns, so it must not wait for the migrations (that
            // would hold /health's 503 back too): the banner goes out once both the socket and the schema are ready.
            let port = channel.localAddress?.port ?? configuration.port
            Task {
                guard await migrations.waitUntilCompleted() else { return }
                await onReady(port, credentials.value)
            }
        },
        logger: logger
    )
}

/// Routes AWS calls to the endpoint and everything else to the router.
///
/// Until the migrations are done only `/health` and `/metrics` answer; every other request waits for the
/// schema (and gets 503 if the migrations failed).
struct HikeshiResponder<Fallback: HTTPResponder>: HTTPResponder where Fallback.Context == HikeshiRequestContext {
    let endpoint: AWSEndpoint
    /// `sts:GetCallerIdentity`, the one query-protocol call.
    let sts: STSEndpoint
    let fallback: Fallback
    let migrations: MigrationGate

    func respond(to request: Request, context: HikeshiRequestContext) async throws -> Response {
        if !migrations.isCompleted {
            let path = request.uri.path
            if path != "/health" && path != "/metrics", await !migrations.waitUntilCompleted() {
                return Response(status: .serviceUnavailable)
            }
        }
        if STSEndpoint.matches(request) {
            return await sts.respond(to: request)
        }
        if let match = endpoint.match(request) {
            return await endpoint.respond(to: request, match: match)
        }
        if endpoint.isUnmatchedAWSCall(request) {
            return await endpoint.respond(to: request, match: nil)
        }
        return try await fallback.respond(to: request, context: context)
    }
}
