import AWSProtocol
import SSMModel

/// The Automation operations of the `ssm` API: starting runbooks, reading their executions and steps, signals and stops.
public struct AutomationHandler: SSMAutomationAPI {
    /// Creates the handler.
    public init() {}

    /// Not served yet (issue #10).
    public func describeAutomationExecutions(_ input: SSM.DescribeAutomationExecutionsRequest, context: AWSRequestContext) async throws
        -> SSM.DescribeAutomationExecutionsResult
    {
        throw AWSError.notImplemented("DescribeAutomationExecutions")
    }

    /// Not served yet (issue #10).
    public func describeAutomationStepExecutions(_ input: SSM.DescribeAutomationStepExecutionsRequest, context: AWSRequestContext) async throws
        -> SSM.DescribeAutomationStepExecutionsResult
    {
        throw AWSError.notImplemented("DescribeAutomationStepExecutions")
    }

    /// Not served yet (issue #10).
    public func getAutomationExecution(_ input: SSM.GetAutomationExecutionRequest, context: AWSRequestContext) async throws
        -> SSM.GetAutomationExecutionResult
    {
        throw AWSError.notImplemented("GetAutomationExecution")
    }

    /// Not served yet (issue #10).
    public func sendAutomationSignal(_ input: SSM.SendAutomationSignalRequest, context: AWSRequestContext) async throws
        -> SSM.SendAutomationSignalResult
    {
        throw AWSError.notImplemented("SendAutomationSignal")
    }

    /// Not served yet (issue #10).
    public func startAutomationExecution(_ input: SSM.StartAutomationExecutionRequest, context: AWSRequestContext) async throws
        -> SSM.StartAutomationExecutionResult
    {
        throw AWSError.notImplemented("StartAutomationExecution")
    }

    /// Not served yet (issue #10).
    public func stopAutomationExecution(_ input: SSM.StopAutomationExecutionRequest, context: AWSRequestContext) async throws
        -> SSM.StopAutomationExecutionResult
    {
        throw AWSError.notImplemented("StopAutomationExecution")
    }
}
