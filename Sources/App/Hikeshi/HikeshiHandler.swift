import AWSProtocol
import HikeshiModel
import IncidentsAPI
import SupportAPI

/// The `Hikeshi` API: alert integrations and chat channels (``IntegrationAdmin``), and the support desk (``SupportDesk``).
struct HikeshiHandler: HikeshiAPI {
    let integrations: IntegrationAdmin
    let desk: SupportDesk

    func addCompanyHoliday(_ input: Hikeshi.AddCompanyHolidayRequest, context: AWSRequestContext) async throws -> Hikeshi.AddCompanyHolidayResponse {
        try await desk.addCompanyHoliday(input, context: context)
    }

    func assignCase(_ input: Hikeshi.AssignCaseRequest, context: AWSRequestContext) async throws -> Hikeshi.AssignCaseResponse {
        try await desk.assignCase(input, context: context)
    }

    func checkCaseDraft(_ input: Hikeshi.CheckCaseDraftRequest, context: AWSRequestContext) async throws -> Hikeshi.CheckCaseDraftResponse {
        try await desk.checkCaseDraft(input, context: context)
    }

    func createAgent(_ input: Hikeshi.CreateAgentRequest, context: AWSRequestContext) async throws -> Hikeshi.CreateAgentResponse {
        try await desk.createAgent(input, context: context)
    }

    func createChatChannel(_ input: Hikeshi.CreateChatChannelRequest, context: AWSRequestContext) async throws -> Hikeshi.CreateChatChannelResponse {
        try await integrations.createChatChannel(input, context: context)
    }

    func createIntegration(_ input: Hikeshi.CreateIntegrationRequest, context: AWSRequestContext) async throws -> Hikeshi.CreateIntegrationResponse {
        try await integrations.createIntegration(input, context: context)
    }

    func deleteChatChannel(_ input: Hikeshi.DeleteChatChannelRequest, context: AWSRequestContext) async throws -> Hikeshi.DeleteChatChannelResponse {
        try await integrations.deleteChatChannel(input, context: context)
    }

    func deleteIntegration(_ input: Hikeshi.DeleteIntegrationRequest, context: AWSRequestContext) async throws -> Hikeshi.DeleteIntegrationResponse {
        try await integrations.deleteIntegration(input, context: context)
    }

    func describeCaseDetails(_ input: Hikeshi.DescribeCaseDetailsRequest, context: AWSRequestContext) async throws
        -> Hikeshi.DescribeCaseDetailsResponse
    {
        try await desk.describeCaseDetails(input, context: context)
    }

    func getSupportPlan(_ input: Hikeshi.GetSupportPlanRequest, context: AWSRequestContext) async throws -> Hikeshi.GetSupportPlanResponse {
        try await desk.getSupportPlan(input, context: context)
    }

    func getSupportSettings(_ input: Hikeshi.GetSupportSettingsRequest, context: AWSRequestContext) async throws -> Hikeshi.GetSupportSettingsResponse
    {
        try await desk.getSupportSettings(input, context: context)
    }

    func listAgents(_ input: Hikeshi.ListAgentsRequest, context: AWSRequestContext) async throws -> Hikeshi.ListAgentsResponse {
        try await desk.listAgents(input, context: context)
    }

    func listBusinessCalendars(_ input: Hikeshi.ListBusinessCalendarsRequest, context: AWSRequestContext) async throws
        -> Hikeshi.ListBusinessCalendarsResponse
    {
        try await desk.listBusinessCalendars(input, context: context)
    }

    func listChatChannels(_ input: Hikeshi.ListChatChannelsRequest, context: AWSRequestContext) async throws -> Hikeshi.ListChatChannelsResponse {
        try await integrations.listChatChannels(input, context: context)
    }

    func listIntegrations(_ input: Hikeshi.ListIntegrationsRequest, context: AWSRequestContext) async throws -> Hikeshi.ListIntegrationsResponse {
        try await integrations.listIntegrations(input, context: context)
    }

    func listPlanDefinitions(_ input: Hikeshi.ListPlanDefinitionsRequest, context: AWSRequestContext) async throws
        -> Hikeshi.ListPlanDefinitionsResponse
    {
        try await desk.listPlanDefinitions(input, context: context)
    }

    func listQueue(_ input: Hikeshi.ListQueueRequest, context: AWSRequestContext) async throws -> Hikeshi.ListQueueResponse {
        try await desk.listQueue(input, context: context)
    }

    func putBusinessCalendar(_ input: Hikeshi.PutBusinessCalendarRequest, context: AWSRequestContext) async throws
        -> Hikeshi.PutBusinessCalendarResponse
    {
        try await desk.putBusinessCalendar(input, context: context)
    }

    func putSupportPlan(_ input: Hikeshi.PutSupportPlanRequest, context: AWSRequestContext) async throws -> Hikeshi.PutSupportPlanResponse {
        try await desk.putSupportPlan(input, context: context)
    }

    func putSupportSettings(_ input: Hikeshi.PutSupportSettingsRequest, context: AWSRequestContext) async throws -> Hikeshi.PutSupportSettingsResponse
    {
        try await desk.putSupportSettings(input, context: context)
    }

    func raiseCaseSeverity(_ input: Hikeshi.RaiseCaseSeverityRequest, context: AWSRequestContext) async throws -> Hikeshi.RaiseCaseSeverityResponse {
        try await desk.raiseCaseSeverity(input, context: context)
    }

    func rateCommunication(_ input: Hikeshi.RateCommunicationRequest, context: AWSRequestContext) async throws -> Hikeshi.RateCommunicationResponse {
        try await desk.rateCommunication(input, context: context)
    }

    func removeCompanyHoliday(_ input: Hikeshi.RemoveCompanyHolidayRequest, context: AWSRequestContext) async throws
        -> Hikeshi.RemoveCompanyHolidayResponse
    {
        try await desk.removeCompanyHoliday(input, context: context)
    }

    func replyToCase(_ input: Hikeshi.ReplyToCaseRequest, context: AWSRequestContext) async throws -> Hikeshi.ReplyToCaseResponse {
        try await desk.replyToCase(input, context: context)
    }

    func resolveCaseAsAgent(_ input: Hikeshi.ResolveCaseAsAgentRequest, context: AWSRequestContext) async throws -> Hikeshi.ResolveCaseAsAgentResponse
    {
        try await desk.resolveCaseAsAgent(input, context: context)
    }

    func searchResolvedCases(_ input: Hikeshi.SearchResolvedCasesRequest, context: AWSRequestContext) async throws
        -> Hikeshi.SearchResolvedCasesResponse
    {
        try await desk.searchResolvedCases(input, context: context)
    }

    func submitCaseSurvey(_ input: Hikeshi.SubmitCaseSurveyRequest, context: AWSRequestContext) async throws -> Hikeshi.SubmitCaseSurveyResponse {
        try await desk.submitCaseSurvey(input, context: context)
    }

    func updateAgent(_ input: Hikeshi.UpdateAgentRequest, context: AWSRequestContext) async throws -> Hikeshi.UpdateAgentResponse {
        try await desk.updateAgent(input, context: context)
    }

    func updatePlanDefinition(_ input: Hikeshi.UpdatePlanDefinitionRequest, context: AWSRequestContext) async throws
        -> Hikeshi.UpdatePlanDefinitionResponse
    {
        try await desk.updatePlanDefinition(input, context: context)
    }
}
