import AWSProtocol
import SSMModel

/// The OpsCenter operations of the `ssm` API (issue #10): OpsItems, their events and related items.
public struct OpsCenterHandler: SSMOpsCenterAPI {
    /// Creates the handler.
    public init() {}

    /// Not served yet (issue #10).
    public func associateOpsItemRelatedItem(_ input: SSM.AssociateOpsItemRelatedItemRequest, context: AWSRequestContext) async throws
        -> SSM.AssociateOpsItemRelatedItemResponse
    {
        throw AWSError.notImplemented("AssociateOpsItemRelatedItem")
    }

    /// Not served yet (issue #10).
    public func createOpsItem(_ input: SSM.CreateOpsItemRequest, context: AWSRequestContext) async throws -> SSM.CreateOpsItemResponse {
        throw AWSError.notImplemented("CreateOpsItem")
    }

    /// Not served yet (issue #10).
    public func deleteOpsItem(_ input: SSM.DeleteOpsItemRequest, context: AWSRequestContext) async throws -> SSM.DeleteOpsItemResponse {
        throw AWSError.notImplemented("DeleteOpsItem")
    }

    /// Not served yet (issue #10).
    public func describeOpsItems(_ input: SSM.DescribeOpsItemsRequest, context: AWSRequestContext) async throws -> SSM.DescribeOpsItemsResponse {
        throw AWSError.notImplemented("DescribeOpsItems")
    }

    /// Not served yet (issue #10).
    public func disassociateOpsItemRelatedItem(_ input: SSM.DisassociateOpsItemRelatedItemRequest, context: AWSRequestContext) async throws
        -> SSM.DisassociateOpsItemRelatedItemResponse
    {
        throw AWSError.notImplemented("DisassociateOpsItemRelatedItem")
    }

    /// Not served yet (issue #10).
    public func getOpsItem(_ input: SSM.GetOpsItemRequest, context: AWSRequestContext) async throws -> SSM.GetOpsItemResponse {
        throw AWSError.notImplemented("GetOpsItem")
    }

    /// Not served yet (issue #10).
    public func getOpsSummary(_ input: SSM.GetOpsSummaryRequest, context: AWSRequestContext) async throws -> SSM.GetOpsSummaryResult {
        throw AWSError.notImplemented("GetOpsSummary")
    }

    /// Not served yet (issue #10).
    public func listOpsItemEvents(_ input: SSM.ListOpsItemEventsRequest, context: AWSRequestContext) async throws -> SSM.ListOpsItemEventsResponse {
        throw AWSError.notImplemented("ListOpsItemEvents")
    }

    /// Not served yet (issue #10).
    public func listOpsItemRelatedItems(_ input: SSM.ListOpsItemRelatedItemsRequest, context: AWSRequestContext) async throws
        -> SSM.ListOpsItemRelatedItemsResponse
    {
        throw AWSError.notImplemented("ListOpsItemRelatedItems")
    }

    /// Not served yet (issue #10).
    public func updateOpsItem(_ input: SSM.UpdateOpsItemRequest, context: AWSRequestContext) async throws -> SSM.UpdateOpsItemResponse {
        throw AWSError.notImplemented("UpdateOpsItem")
    }
}
